package org.custodian.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.custodian.accounts.AccountDirectory.Contact;
import org.custodian.shared.RequestType;

/**
 * When a targeted user is told: a pure function of the request and the account.
 */
final class NoticePolicy {

	private NoticePolicy() {
	}

	/**
	 * What to do with one notice.
	 */
	sealed interface Verdict permits Send, Delay, Withhold {

		String reason();

	}

	/** Send now, before disclosure. */
	record Send(String reason) implements Verdict {
	}

	/** Send later, when the reason has passed. */
	record Delay(Instant until, String reason) implements Verdict {
	}

	/** Never send, for the reason given. */
	record Withhold(String reason) implements Verdict {
	}

	static Verdict decide(RequestType type, LocalDate nonDisclosureUntil, Instant now, Contact contact,
			Duration emergencyDelay) {
		if (contact == null || contact.email() == null || contact.email().isBlank()) {
			return new Withhold("NO_CONTACT: the account has no e-mail address to notify");
		}
		if (contact.compromised()) {
			return new Withhold("ACCOUNT_COMPROMISED: notice would reach whoever controls the account");
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (nonDisclosureUntil != null && !nonDisclosureUntil.isBefore(today)) {
			return new Delay(nonDisclosureUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
					"NON_DISCLOSURE_ORDER: notice is delayed until the order ends on " + nonDisclosureUntil);
		}
		if (type == RequestType.EMERGENCY) {
			return new Delay(now.plus(emergencyDelay),
					"EMERGENCY: notice follows " + emergencyDelay.toDays() + " days after an emergency disclosure");
		}
		return new Send("NOTICE_BEFORE_DISCLOSURE");
	}

	/**
	 * Whether a recorded notice lets the disclosure go ahead: it was sent, or it is
	 * lawfully not (yet) sent: delayed by a non-disclosure order or an emergency,
	 * withheld from a compromised account or an account with no address to write to. A
	 * notice still due (e.g. the mail server is down) holds the release.
	 * @param status the notice's status ({@code DUE}, {@code DELAYED}, {@code SENT},
	 * {@code WITHHELD})
	 * @param reason its recorded reason, starting with the reason's code
	 */
	static boolean settles(String status, String reason) {
		String code = (reason != null) ? reason.split(":")[0] : "";
		return switch (status) {
			case "SENT" -> true;
			case "DELAYED" -> code.equals("NON_DISCLOSURE_ORDER") || code.equals("EMERGENCY");
			case "WITHHELD" -> code.equals("ACCOUNT_COMPROMISED") || code.equals("NO_CONTACT");
			default -> false;
		};
	}

	/**
	 * Whether a delayed notice may now go out: only to a contact not since compromised.
	 */
	static Verdict whenDue(Contact contact) {
		if (contact == null || contact.email() == null || contact.email().isBlank()) {
			return new Withhold("NO_CONTACT: the account has no e-mail address to notify");
		}
		if (contact.compromised()) {
			return new Withhold("ACCOUNT_COMPROMISED: notice would reach whoever controls the account");
		}
		return new Send("DELAY_ENDED");
	}

}
