package org.custodian.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.custodian.review.ReviewService;
import org.custodian.review.StatusHistory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A request's history as its officer reads it: a sentence per step from the message
 * bundle in the reader's language (never the event code), the response team as "the
 * response team" (never one of its members), a decision by its outcome's label, and a
 * hold with its reason worded from the pause while it is in force.
 */
@Component
class HistoryLines {

	private final MessageSource messages;

	private final HoldReasons holdReasons;

	HistoryLines(MessageSource messages, HoldReasons holdReasons) {
		this.messages = messages;
		this.holdReasons = holdReasons;
	}

	List<Line> of(List<StatusHistory.Step> steps) {
		Locale locale = LocaleContextHolder.getLocale();
		return steps.stream().map((step) -> line(step, locale)).toList();
	}

	private Line line(StatusHistory.Step step, Locale locale) {
		String outcome = (step.outcome() != null)
				? this.messages.getMessage("outcome." + step.outcome(), null, step.outcome(), locale) : "";
		String sentence = this.messages.getMessage("history." + step.event(), new Object[] { outcome },
				this.messages.getMessage("history.other", null, locale), locale);
		return new Line(step.at(), sentence, step.event().equals("request.held") ? holdReason(step, locale) : null);
	}

	/**
	 * The compliance hold's own message; a pause's hold in the reader's language while
	 * the pause is in force, and once it is lifted, that it was.
	 */
	private String holdReason(StatusHistory.Step step, Locale locale) {
		if (step.pauseId() == null) {
			return ReviewService.COMPLIANCE_HOLD.equals(step.reason())
					? this.messages.getMessage("hold.compliance", null, locale) : null;
		}
		String worded = this.holdReasons.inForce(step.pauseId());
		return (worded != null) ? worded : this.messages.getMessage("history.pauseLifted", null, locale);
	}

	/** One step; {@code reason} only for a hold. */
	record Line(Instant at, String sentence, String reason) {
	}

}
