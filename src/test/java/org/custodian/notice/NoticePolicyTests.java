package org.custodian.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.custodian.accounts.AccountDirectory.Contact;
import org.custodian.shared.RequestType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a targeted user is told, and why not.
 */
class NoticePolicyTests {

	private static final Instant NOW = Instant.parse("2020-07-01T10:00:00Z");

	private static final Contact CONTACT = new Contact("user@example.com", "en", false);

	private static final Duration NINETY_DAYS = Duration.ofDays(90);

	@Test
	void notifiesBeforeDisclosureWhenNothingStandsInTheWay() {
		assertThat(NoticePolicy.decide(RequestType.LEGAL_PROCESS, null, NOW, CONTACT, NINETY_DAYS))
			.isInstanceOf(NoticePolicy.Send.class);
	}

	@Test
	void delaysNoticeUntilTheDayAfterANonDisclosureOrderEnds() {
		NoticePolicy.Verdict verdict = NoticePolicy.decide(RequestType.LEGAL_PROCESS, LocalDate.of(2020, 12, 31), NOW,
				CONTACT, NINETY_DAYS);
		assertThat(verdict).isEqualTo(new NoticePolicy.Delay(Instant.parse("2021-01-01T00:00:00Z"),
				"NON_DISCLOSURE_ORDER: notice is delayed until the order ends on 2020-12-31"));
	}

	@Test
	void ignoresANonDisclosureOrderThatHasEnded() {
		assertThat(NoticePolicy.decide(RequestType.LEGAL_PROCESS, LocalDate.of(2020, 6, 30), NOW, CONTACT, NINETY_DAYS))
			.isInstanceOf(NoticePolicy.Send.class);
	}

	@Test
	void delaysAnEmergencysNoticeBy90Days() {
		NoticePolicy.Verdict verdict = NoticePolicy.decide(RequestType.EMERGENCY, null, NOW, CONTACT, NINETY_DAYS);
		assertThat(verdict).isInstanceOfSatisfying(NoticePolicy.Delay.class,
				(delay) -> assertThat(delay.until()).isEqualTo(NOW.plus(NINETY_DAYS)));
	}

	@Test
	void withholdsNoticeFromACompromisedAccountEvenUnderAnOrder() {
		NoticePolicy.Verdict verdict = NoticePolicy.decide(RequestType.LEGAL_PROCESS, LocalDate.of(2020, 12, 31), NOW,
				new Contact("user@example.com", "en", true), NINETY_DAYS);
		assertThat(verdict).isInstanceOf(NoticePolicy.Withhold.class);
		assertThat(verdict.reason()).startsWith("ACCOUNT_COMPROMISED");
	}

	@Test
	void withholdsNoticeWithoutAnAddressAndSaysSo() {
		assertThat(
				NoticePolicy.decide(RequestType.LEGAL_PROCESS, null, NOW, new Contact(null, null, false), NINETY_DAYS)
					.reason())
			.startsWith("NO_CONTACT");
	}

	@Test
	void withholdsADelayedNoticeFromAnAccountCompromisedSince() {
		assertThat(NoticePolicy.whenDue(new Contact("user@example.com", "en", true)))
			.isInstanceOf(NoticePolicy.Withhold.class);
	}

	@Test
	void aNoticeSettlesTheReleaseOnlyWhenSentOrLawfullyDeferred() {
		assertThat(NoticePolicy.settles("SENT", "DUE")).isTrue();
		assertThat(NoticePolicy.settles("DELAYED", "NON_DISCLOSURE_ORDER: until 2020-12-31")).isTrue();
		assertThat(NoticePolicy.settles("DELAYED", "EMERGENCY: 90 days")).isTrue();
		assertThat(NoticePolicy.settles("WITHHELD", "ACCOUNT_COMPROMISED: ...")).isTrue();
		assertThat(NoticePolicy.settles("WITHHELD", "NO_CONTACT: no address")).isTrue();
		assertThat(NoticePolicy.settles("DUE", "NOTICE_BEFORE_DISCLOSURE")).as("the mail server is down").isFalse();
		assertThat(NoticePolicy.settles("DELAYED", "SOMETHING_ELSE")).isFalse();
		assertThat(NoticePolicy.settles("WITHHELD", null)).isFalse();
	}

}
