package org.custodian.identity;

import java.util.EnumSet;
import java.util.Set;

import static org.custodian.identity.Role.ADMIN;
import static org.custodian.identity.Role.APPROVER;
import static org.custodian.identity.Role.AUDITOR;
import static org.custodian.identity.Role.HUMAN_RIGHTS_LEAD;
import static org.custodian.identity.Role.INTAKE;
import static org.custodian.identity.Role.POLICY_ADMIN;
import static org.custodian.identity.Role.REVIEWER;

/**
 * Who may do what: the one authorization table. Every use case calls
 * {@link CurrentUser#require(Action)} with its row before it changes anything, so the
 * API, the console, the portal and the CLI get the same rule; URL patterns are only a
 * second line. The relationship column names the finer check the use case makes itself
 * (own agency, owner or delegate, not the proposer), with the caller and the record in
 * hand.
 */
public enum Action {

	// @formatter:off
	// Agency officers
	SUBMIT_REQUEST(Caller.OFFICER, Relationship.OWN_AGENCY),
	ANSWER_QUESTION(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	WITHDRAW_REQUEST(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	DELEGATE_REQUEST(Caller.OFFICER, Relationship.OWNER),
	EXTEND_PRESERVATION(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	REFERENCE_PRESERVATION(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	LINK_EMERGENCY_FOLLOW_UP(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	DOWNLOAD_PRODUCTION(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	REVEAL_PASSPHRASE(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	SUBMIT_REMOVAL_REQUEST(Caller.OFFICER, Relationship.OWN_AGENCY),
	FOLLOW_REMOVAL_REQUEST(Caller.OFFICER, Relationship.OWN_AGENCY),
	REISSUE_PASSPHRASE(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	READ_OWN_DOCUMENT(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	READ_REQUEST_HISTORY(Caller.OFFICER, Relationship.OWNER_OR_DELEGATE),
	CHANGE_NOTIFICATION_PREFERENCES(Caller.OFFICER, Relationship.NONE),

	// The response team
	READ_CASE(Relationship.NONE, INTAKE, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD, POLICY_ADMIN, AUDITOR, ADMIN),
	DOWNLOAD_LEGAL_DOCUMENT(Relationship.NONE, INTAKE, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD, POLICY_ADMIN, AUDITOR, ADMIN),
	ASSIGN_CASE(Relationship.NONE, INTAKE, REVIEWER, APPROVER, ADMIN),
	PROPOSE_DECISION(Relationship.NONE, REVIEWER),
	APPROVE_DECISION(Relationship.NOT_THE_PROPOSER, APPROVER),
	ASK_FOR_INFORMATION(Relationship.NONE, REVIEWER),
	RECORD_EMERGENCY_CALLBACK(Relationship.NONE, INTAKE, REVIEWER, APPROVER, ADMIN),
	RECORD_HUMAN_RIGHTS_REVIEW(Relationship.NONE, HUMAN_RIGHTS_LEAD),
	PROPOSE_REMOVAL_DECISION(Relationship.NONE, REVIEWER),
	APPROVE_REMOVAL_DECISION(Relationship.NOT_THE_PROPOSER, APPROVER),
	DECIDE_REMOVAL_APPEAL(Relationship.NOT_A_DECIDER, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD),
	REVIEW_SANCTIONS_HOLD(Relationship.NONE, POLICY_ADMIN),
	IMPORT_SANCTIONS_LIST(Relationship.NONE, POLICY_ADMIN),

	// Jurisdiction-wide decisions
	PREVIEW_PAUSE(Relationship.NONE, POLICY_ADMIN),
	PROPOSE_PAUSE(Relationship.NONE, POLICY_ADMIN),
	CONFIRM_PAUSE(Relationship.NOT_THE_PROPOSER, POLICY_ADMIN),
	PROPOSE_LIFTING(Relationship.NONE, POLICY_ADMIN),
	CONFIRM_LIFTING(Relationship.NOT_THE_PROPOSER, POLICY_ADMIN),
	SET_MLAT_ONLY(Relationship.NONE, POLICY_ADMIN),
	SET_LEGAL_TIERS(Relationship.NONE, POLICY_ADMIN),
	SET_RISK_LEVEL(Relationship.NONE, POLICY_ADMIN, HUMAN_RIGHTS_LEAD),

	// Jurisdiction-wide decisions, four eyes: an urgent pause is enacted by one and
	// reviewed by another; a proposal (pause, lifting) is withdrawn by its proposer or
	// rejected by another (DECLINE_*)
	ENACT_URGENT_PAUSE(Relationship.NONE, POLICY_ADMIN),
	REVIEW_URGENT_PAUSE(Relationship.NOT_THE_PROPOSER, POLICY_ADMIN),
	DECLINE_PAUSE(Relationship.NONE, POLICY_ADMIN),
	DECLINE_LIFTING(Relationship.NONE, POLICY_ADMIN),

	// Human-rights due diligence
	OPEN_ASSESSMENT(Relationship.NONE, HUMAN_RIGHTS_LEAD),
	RECORD_CONSULTATION(Relationship.NONE, HUMAN_RIGHTS_LEAD),
	CONCLUDE_ASSESSMENT(Relationship.NONE, HUMAN_RIGHTS_LEAD),
	SIGN_OFF_ASSESSMENT(Relationship.NOT_THE_AUTHOR, HUMAN_RIGHTS_LEAD),

	// Public figures
	PROPOSE_PUBLICATION(Relationship.NONE, POLICY_ADMIN, ADMIN),
	CONFIRM_PUBLICATION(Relationship.NOT_THE_PROPOSER, POLICY_ADMIN, ADMIN),
	// withdrawn by its proposer, or rejected by another publisher
	DECLINE_PUBLICATION(Relationship.NONE, POLICY_ADMIN, ADMIN),
	VERIFY_PUBLICATION(Relationship.NONE, AUDITOR, ADMIN, POLICY_ADMIN),
	VERIFY_AUDIT_LOG(Relationship.NONE, AUDITOR, ADMIN),

	// Administration
	CREATE_STAFF(Relationship.NONE, ADMIN),
	ISSUE_TOKEN(Relationship.NONE, ADMIN),
	REVOKE_TOKEN(Relationship.NONE, ADMIN),
	REGISTER_AGENCY(Relationship.NONE, ADMIN),
	VERIFY_AGENCY(Relationship.NONE, ADMIN),
	ADD_OFFICER(Relationship.NONE, ADMIN),
	ROTATE_KEYS(Relationship.NONE, ADMIN);
	// @formatter:on

	/**
	 * The rows the platform's operator may take from the command line (or at start-up,
	 * for the demo data): someone who runs the jar with the database's credentials and
	 * could change the data anyway, named and audited as such. Four-eyes decisions on
	 * requests are never among them.
	 */
	private static final Set<Action> OPERATOR = Set.of(IMPORT_SANCTIONS_LIST, PROPOSE_PUBLICATION, VERIFY_PUBLICATION,
			VERIFY_AUDIT_LOG, CREATE_STAFF, ISSUE_TOKEN, REGISTER_AGENCY, VERIFY_AGENCY, ADD_OFFICER, ROTATE_KEYS);

	/** Which kind of caller a row admits. */
	public enum Caller {

		STAFF, OFFICER

	}

	/** The check a use case makes on the record itself, beyond the caller's role. */
	public enum Relationship {

		/** The role is enough. */
		NONE,
		/** The request belongs to the officer's agency (another agency's: 404). */
		OWN_AGENCY,
		/** The officer submitted the request or was delegated it. */
		OWNER_OR_DELEGATE,
		/** The officer submitted the request. */
		OWNER,
		/** Four eyes: not the person who proposed it. */
		NOT_THE_PROPOSER,
		/** Four eyes: neither the author nor the one who concluded it. */
		NOT_THE_AUTHOR,
		/**
		 * Neither the one who proposed the decision appealed against nor its approver.
		 */
		NOT_A_DECIDER

	}

	private final Caller caller;

	private final Relationship relationship;

	private final Set<Role> roles;

	Action(Caller caller, Relationship relationship) {
		this.caller = caller;
		this.relationship = relationship;
		this.roles = Set.of();
	}

	Action(Relationship relationship, Role first, Role... more) {
		this.caller = Caller.STAFF;
		this.relationship = relationship;
		this.roles = Set.copyOf(EnumSet.of(first, more));
	}

	public Caller caller() {
		return this.caller;
	}

	public Relationship relationship() {
		return this.relationship;
	}

	/** The staff roles that may act (empty for an officer's action). */
	public Set<Role> roles() {
		return this.roles;
	}

	/** Whether the command-line operator may take this action. */
	public boolean admitsOperator() {
		return OPERATOR.contains(this);
	}

	/** Whether this caller's kind and roles admit the action (relationships aside). */
	public boolean admits(CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.isOperator()) {
			return admitsOperator();
		}
		if (this.caller == Caller.OFFICER) {
			return user.isOfficer();
		}
		return user.isStaff() && user.roles().stream().anyMatch(this.roles::contains);
	}

}
