package org.custodian.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.custodian.intake.SubmissionForm.EmergencyForm;
import org.custodian.intake.SubmissionForm.TargetForm;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Instrument;
import org.custodian.shared.PhoneNumbers;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;

/**
 * A checked request: it can only be built from a form that breaks no rule.
 */
public record Submission(RequestType type, Instrument instrument, String legalBasis, List<Target> targets,
		Set<DataCategory> categories, LocalDate from, LocalDate to, String offence, LocalDate nonDisclosureUntil,
		Emergency emergency, LocalDate respondBy, String agencyReference) {

	/** The longest agency reference number accepted. */
	public static final int MAX_AGENCY_REFERENCE = 100;

	public static final int MAX_TARGETS = 1000;

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,30}$");

	/**
	 * A syntactic address: a local part, one {@code @}, and a domain of two labels or
	 * more.
	 */
	private static final Pattern EMAIL = Pattern.compile(
			"^[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
					+ "[\\p{L}\\p{N}-]{2,63}$");

	/**
	 * Details that make an emergency request credible and checkable.
	 */
	public record Emergency(String threat, String supervisorName, String supervisorPhone) {
	}

	/**
	 * Checks every field and reports all problems together.
	 * @param form the submission as sent
	 * @param today the date in the platform's time, for "not in the past"
	 * @param problems where to collect problems (a document's may already be there)
	 * @return the checked submission
	 */
	public static Submission check(SubmissionForm form, LocalDate today, FieldProblems problems) {
		if (form == null) {
			problems.add("request", "is required").throwIfAny();
		}
		RequestType type = problems.enumValue(RequestType.class, form.type(), "type", true);
		Instrument instrument = problems.enumValue(Instrument.class, form.instrument(), "instrument",
				type == RequestType.LEGAL_PROCESS);
		String legalBasis = problems.optional(form.legalBasis(), "legalBasis", 2000);
		problems.check(type != RequestType.LEGAL_PROCESS || legalBasis != null, "legalBasis",
				"is required for legal process (e.g. 18 U.S.C. § 2703(d))");
		List<Target> targets = targets(form.targets(), problems);
		Set<DataCategory> categories = categories(form.categories(), type, problems);
		LocalDate from = date(form.from(), "from", problems);
		LocalDate to = date(form.to(), "to", problems);
		problems.check(from == null || to == null || !from.isAfter(to), "from", "is after to");
		String offence = problems.optional(form.offence(), "offence", 2000);
		LocalDate nonDisclosureUntil = date(form.nonDisclosureUntil(), "nonDisclosureUntil", problems);
		problems.check(nonDisclosureUntil == null || !nonDisclosureUntil.isBefore(today), "nonDisclosureUntil",
				"is in the past");
		Emergency emergency = emergency(form.emergency(), type, problems);
		LocalDate respondBy = date(form.respondBy(), "respondBy", problems);
		problems.check(respondBy == null || !respondBy.isBefore(today), "respondBy", "is in the past");
		String agencyReference = problems.optional(form.agencyReference(), "agencyReference", MAX_AGENCY_REFERENCE);
		problems.throwIfAny();
		return new Submission(type, instrument, legalBasis, targets, categories, from, to, offence, nonDisclosureUntil,
				emergency, respondBy, agencyReference);
	}

	private static List<Target> targets(List<TargetForm> forms, FieldProblems problems) {
		List<Target> targets = new ArrayList<>();
		if (forms == null || forms.isEmpty()) {
			problems.add("targets", "needs at least one account identifier");
			return targets;
		}
		if (forms.size() > MAX_TARGETS) {
			problems.add("targets", "has " + forms.size() + " entries; at most " + MAX_TARGETS + " are accepted");
			return targets;
		}
		for (int i = 0; i < forms.size(); i++) {
			TargetForm form = forms.get(i);
			if (form == null) {
				problems.add("targets[" + i + "]", "is empty");
				continue;
			}
			TargetKind kind = problems.enumValue(TargetKind.class, form.kind(), "targets[" + i + "].kind", true);
			String value = problems.required(form.value(), "targets[" + i + "].value", 320);
			if (value != null && !identifierFits(kind, value)) {
				problems.add("targets[" + i + "].value", (kind == TargetKind.EMAIL) ? "is not an e-mail address"
						: "is not an international telephone number (e.g. +852 2860 2000)");
			}
			else if (kind != null && value != null) {
				targets.add(new Target(kind, value));
			}
		}
		return targets;
	}

	private static boolean identifierFits(TargetKind kind, String value) {
		return switch ((kind != null) ? kind : TargetKind.USER_ID) {
			case EMAIL -> EMAIL.matcher(value).matches() && !value.contains("..");
			case PHONE -> PhoneNumbers.e164(value).isPresent();
			case USER_ID, USERNAME -> true;
		};
	}

	private static Set<DataCategory> categories(List<String> names, RequestType type, FieldProblems problems) {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		if (names == null || names.isEmpty()) {
			if (type == RequestType.PRESERVATION) {
				return EnumSet.allOf(DataCategory.class);
			}
			problems.add("categories", "needs at least one data category");
			return categories;
		}
		for (int i = 0; i < names.size(); i++) {
			DataCategory category = problems.enumValue(DataCategory.class, names.get(i), "categories[" + i + "]", true);
			if (category != null) {
				categories.add(category);
			}
		}
		return categories;
	}

	private static LocalDate date(String value, String field, FieldProblems problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(field, "is not a date of the form 2020-07-01");
			return null;
		}
	}

	private static Emergency emergency(EmergencyForm form, RequestType type, FieldProblems problems) {
		if (type != RequestType.EMERGENCY) {
			problems.check(form == null, "emergency", "is only for EMERGENCY requests");
			return null;
		}
		if (form == null) {
			problems.add("emergency", "is required for an emergency: threat, supervisorName, supervisorPhone");
			return null;
		}
		String threat = problems.required(form.threat(), "emergency.threat", 4000);
		String supervisor = problems.required(form.supervisorName(), "emergency.supervisorName", 200);
		String phone = problems.required(form.supervisorPhone(), "emergency.supervisorPhone", 40);
		problems.check(phone == null || PHONE.matcher(phone).matches(), "emergency.supervisorPhone",
				"is not a telephone number");
		return new Emergency(threat, supervisor, phone);
	}

}
