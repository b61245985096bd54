package org.custodian.intake.web;

import java.util.ArrayList;
import java.util.List;

import org.custodian.intake.SubmissionForm;
import org.custodian.intake.SubmissionForm.EmergencyForm;
import org.custodian.intake.SubmissionForm.TargetForm;

/**
 * The portal's submission form as typed. It keeps every value as text so that a form with
 * errors comes back exactly as it was sent.
 */
public class PortalSubmissionForm {

	private String type = "LEGAL_PROCESS";

	private String instrument = "";

	private String legalBasis = "";

	private List<TargetRow> targets = new ArrayList<>();

	private List<String> categories = new ArrayList<>();

	private String from = "";

	private String to = "";

	private String offence = "";

	private String nonDisclosureUntil = "";

	private String respondBy = "";

	private String agencyReference = "";

	private String threat = "";

	private String supervisorName = "";

	private String supervisorPhone = "";

	private String idempotencyKey = "";

	/**
	 * Drops the rows of identifiers left empty, so that error positions match the rows
	 * shown.
	 */
	void compact() {
		this.targets.removeIf((row) -> row == null || blank(row.getValue()));
	}

	/** Adds empty rows for more identifiers. */
	void pad(int rows) {
		while (this.targets.size() < rows) {
			this.targets.add(new TargetRow());
		}
	}

	SubmissionForm toSubmission() {
		boolean emergency = !blank(this.threat) || !blank(this.supervisorName) || !blank(this.supervisorPhone);
		return new SubmissionForm(this.type, this.instrument, this.legalBasis,
				this.targets.stream().map((row) -> new TargetForm(row.getKind(), row.getValue())).toList(),
				this.categories, this.from, this.to, this.offence, this.nonDisclosureUntil,
				emergency ? new EmergencyForm(this.threat, this.supervisorName, this.supervisorPhone) : null,
				blank(this.respondBy) ? null : this.respondBy,
				blank(this.agencyReference) ? null : this.agencyReference);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getInstrument() {
		return this.instrument;
	}

	public void setInstrument(String instrument) {
		this.instrument = instrument;
	}

	public String getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(String legalBasis) {
		this.legalBasis = legalBasis;
	}

	public List<TargetRow> getTargets() {
		return this.targets;
	}

	public void setTargets(List<TargetRow> targets) {
		this.targets = targets;
	}

	public List<String> getCategories() {
		return this.categories;
	}

	public void setCategories(List<String> categories) {
		this.categories = categories;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getOffence() {
		return this.offence;
	}

	public void setOffence(String offence) {
		this.offence = offence;
	}

	public String getNonDisclosureUntil() {
		return this.nonDisclosureUntil;
	}

	public void setNonDisclosureUntil(String nonDisclosureUntil) {
		this.nonDisclosureUntil = nonDisclosureUntil;
	}

	public String getRespondBy() {
		return this.respondBy;
	}

	public void setRespondBy(String respondBy) {
		this.respondBy = respondBy;
	}

	public String getAgencyReference() {
		return this.agencyReference;
	}

	public void setAgencyReference(String agencyReference) {
		this.agencyReference = agencyReference;
	}

	public String getThreat() {
		return this.threat;
	}

	public void setThreat(String threat) {
		this.threat = threat;
	}

	public String getSupervisorName() {
		return this.supervisorName;
	}

	public void setSupervisorName(String supervisorName) {
		this.supervisorName = supervisorName;
	}

	public String getSupervisorPhone() {
		return this.supervisorPhone;
	}

	public void setSupervisorPhone(String supervisorPhone) {
		this.supervisorPhone = supervisorPhone;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	/**
	 * One account identifier row.
	 */
	public static class TargetRow {

		private String kind = "USERNAME";

		private String value = "";

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

	}

}
