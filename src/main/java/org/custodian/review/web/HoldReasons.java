package org.custodian.review.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.custodian.policy.Pause;
import org.custodian.policy.PauseStage;
import org.custodian.policy.Pauses;
import org.custodian.review.ReviewService;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a request is on hold, in the reader's language: a pause's hold is written from the
 * pause itself (who it catches, the stages it stops, since when, its reason and lifting
 * condition), the compliance hold from its own message. The stored English text, which
 * the API returns, is the fallback. Pages call it as {@code @holdReasons.text(…)}.
 */
@Component("holdReasons")
class HoldReasons {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Pauses pauses;

	private final MessageSource messages;

	HoldReasons(Pauses pauses, MessageSource messages) {
		this.pauses = pauses;
		this.messages = messages;
	}

	public String text(Object pauseId, String stored) {
		Locale locale = LocaleContextHolder.getLocale();
		if (pauseId == null) {
			return (ReviewService.COMPLIANCE_HOLD.equals(stored))
					? this.messages.getMessage("hold.compliance", null, locale) : stored;
		}
		UUID id = (pauseId instanceof UUID uuid) ? uuid : UUID.fromString(pauseId.toString());
		String worded = inForce(id);
		return (worded != null) ? worded : stored;
	}

	/**
	 * A pause's hold in the reader's language, or null once the pause is not in force.
	 */
	String inForce(UUID pauseId) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.pauses.allInForce()
			.stream()
			.filter((pause) -> pause.id().equals(pauseId))
			.findFirst()
			.map((pause) -> text(pause, locale))
			.orElse(null);
	}

	private String text(Pause pause, Locale locale) {
		String stage = (pause.stages().size() == 2) ? "ALL"
				: (pause.stops(PauseStage.REVIEW) ? "REVIEW" : "PRODUCTION");
		String text = this.messages.getMessage("hold.pause." + pause.match().name(),
				new Object[] { pause.jurisdiction().code(),
						this.messages.getMessage("hold.stage." + stage, null, locale),
						WHEN.format(pause.effectiveFrom()), Pause.sentence(pause.reason()) },
				locale);
		if (pause.liftingCondition() == null) {
			return text;
		}
		return text + " "
				+ this.messages.getMessage("hold.reconsidered", new Object[] { pause.liftingCondition() }, locale);
	}

}
