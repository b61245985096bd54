package org.custodian.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.custodian.shared.AgencyId;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.identity.Role.ADMIN;
import static org.custodian.identity.Role.APPROVER;
import static org.custodian.identity.Role.AUDITOR;
import static org.custodian.identity.Role.HUMAN_RIGHTS_LEAD;
import static org.custodian.identity.Role.INTAKE;
import static org.custodian.identity.Role.POLICY_ADMIN;
import static org.custodian.identity.Role.REVIEWER;

/**
 * The authorization table on its own: who each row admits, and the rules every row keeps.
 */
class ActionTests {

	private static final CurrentUser OFFICER = CurrentUser.officer(OfficerId.random(), AgencyId.random());

	private static final CurrentUser OPERATOR = CurrentUser.operator("ops");

	@Test
	void onlyAReviewerProposesAndOnlyAnApproverApproves() {
		for (Role role : Role.values()) {
			assertThat(Action.PROPOSE_DECISION.admits(staff(role))).as(role.name()).isEqualTo(role == REVIEWER);
			assertThat(Action.APPROVE_DECISION.admits(staff(role))).as(role.name()).isEqualTo(role == APPROVER);
			assertThat(Action.ASK_FOR_INFORMATION.admits(staff(role))).as(role.name()).isEqualTo(role == REVIEWER);
		}
	}

	@Test
	void refusesAnAuditorOrIntakeWhoProposesOrApproves() {
		for (Role role : Set.of(AUDITOR, INTAKE)) {
			assertThatThrownBy(() -> staff(role).require(Action.PROPOSE_DECISION))
				.isInstanceOf(ForbiddenException.class)
				.hasMessageContaining("REVIEWER");
			assertThatThrownBy(() -> staff(role).require(Action.APPROVE_DECISION))
				.isInstanceOf(ForbiddenException.class)
				.hasMessageContaining("APPROVER");
		}
	}

	@Test
	void aStaffMemberWithSeveralRolesIsAdmittedByAnyOfThem() {
		CurrentUser both = CurrentUser.staff(StaffId.random(), Set.of(AUDITOR, REVIEWER));
		assertThat(both.require(Action.PROPOSE_DECISION)).isSameAs(both);
		assertThat(both.may(Action.VERIFY_AUDIT_LOG)).isTrue();
		assertThat(both.may(Action.APPROVE_DECISION)).isFalse();
	}

	@Test
	void officerRowsAdmitOfficersAndNoStaffAndStaffRowsNoOfficer() {
		for (Action action : Action.values()) {
			if (action.caller() == Action.Caller.OFFICER) {
				assertThat(action.roles()).as(action.name()).isEmpty();
				assertThat(action.admits(OFFICER)).as(action.name()).isTrue();
				assertThat(action.admits(CurrentUser.officerToken(OfficerId.random(), AgencyId.random())))
					.as(action.name())
					.isTrue();
				assertThat(action.admits(allRoles())).as(action.name()).isFalse();
			}
			else {
				assertThat(action.roles()).as(action.name()).isNotEmpty();
				assertThat(action.admits(OFFICER)).as(action.name()).isFalse();
				assertThat(action.admits(allRoles())).as(action.name()).isTrue();
			}
		}
	}

	@Test
	void nobodyWithoutARoleOrWithoutASignInIsAdmitted() {
		CurrentUser noRoles = CurrentUser.staff(StaffId.random(), Set.of());
		for (Action action : Action.values()) {
			assertThat(action.admits(noRoles)).as(action.name()).isFalse();
			assertThat(action.admits(null)).as(action.name()).isFalse();
		}
	}

	@Test
	void theOperatorTakesOnlyItsOwnRowsAndNeverADecisionOnARequest() {
		Set<Action> operator = EnumSet.of(Action.IMPORT_SANCTIONS_LIST, Action.PROPOSE_PUBLICATION,
				Action.VERIFY_PUBLICATION, Action.VERIFY_AUDIT_LOG, Action.CREATE_STAFF, Action.ISSUE_TOKEN,
				Action.REGISTER_AGENCY, Action.VERIFY_AGENCY, Action.ADD_OFFICER, Action.ROTATE_KEYS);
		for (Action action : Action.values()) {
			assertThat(action.admits(OPERATOR)).as(action.name()).isEqualTo(operator.contains(action));
		}
		assertThat(OPERATOR.actor().id()).isEqualTo("ops");
		assertThat(OPERATOR.actor().kind().name()).isEqualTo("OPERATOR");
	}

	@Test
	void fourEyesRowsNameTheirRelationship() {
		assertThat(Action.APPROVE_DECISION.relationship()).isEqualTo(Action.Relationship.NOT_THE_PROPOSER);
		assertThat(Action.CONFIRM_PAUSE.relationship()).isEqualTo(Action.Relationship.NOT_THE_PROPOSER);
		assertThat(Action.CONFIRM_LIFTING.relationship()).isEqualTo(Action.Relationship.NOT_THE_PROPOSER);
		assertThat(Action.CONFIRM_PUBLICATION.relationship()).isEqualTo(Action.Relationship.NOT_THE_PROPOSER);
		assertThat(Action.SIGN_OFF_ASSESSMENT.relationship()).isEqualTo(Action.Relationship.NOT_THE_AUTHOR);
		assertThat(Action.DELEGATE_REQUEST.relationship()).isEqualTo(Action.Relationship.OWNER);
		assertThat(Action.WITHDRAW_REQUEST.relationship()).isEqualTo(Action.Relationship.OWNER_OR_DELEGATE);
	}

	/**
	 * The API's URL rules (identity/security/SecurityConfiguration) as the table says
	 * them.
	 */
	@Test
	void rowsMatchTheRolesTheApiAdmits() {
		Set<Role> allStaff = EnumSet.allOf(Role.class);
		Map<Action, Set<Role>> expected = Map.ofEntries(Map.entry(Action.READ_CASE, allStaff),
				Map.entry(Action.DOWNLOAD_LEGAL_DOCUMENT, allStaff),
				Map.entry(Action.ASSIGN_CASE, Set.of(INTAKE, REVIEWER, APPROVER, ADMIN)),
				Map.entry(Action.RECORD_EMERGENCY_CALLBACK, Set.of(INTAKE, REVIEWER, APPROVER, ADMIN)),
				Map.entry(Action.REVIEW_SANCTIONS_HOLD, Set.of(POLICY_ADMIN)),
				Map.entry(Action.IMPORT_SANCTIONS_LIST, Set.of(POLICY_ADMIN)),
				Map.entry(Action.RECORD_HUMAN_RIGHTS_REVIEW, Set.of(HUMAN_RIGHTS_LEAD)),
				Map.entry(Action.PREVIEW_PAUSE, Set.of(POLICY_ADMIN)),
				Map.entry(Action.PROPOSE_PAUSE, Set.of(POLICY_ADMIN)),
				Map.entry(Action.PROPOSE_LIFTING, Set.of(POLICY_ADMIN)),
				Map.entry(Action.SET_MLAT_ONLY, Set.of(POLICY_ADMIN)),
				Map.entry(Action.SET_LEGAL_TIERS, Set.of(POLICY_ADMIN)),
				Map.entry(Action.SET_RISK_LEVEL, Set.of(POLICY_ADMIN, HUMAN_RIGHTS_LEAD)),
				Map.entry(Action.OPEN_ASSESSMENT, Set.of(HUMAN_RIGHTS_LEAD)),
				Map.entry(Action.SIGN_OFF_ASSESSMENT, Set.of(HUMAN_RIGHTS_LEAD)),
				Map.entry(Action.PROPOSE_PUBLICATION, Set.of(POLICY_ADMIN, ADMIN)),
				Map.entry(Action.VERIFY_PUBLICATION, Set.of(AUDITOR, ADMIN, POLICY_ADMIN)),
				Map.entry(Action.VERIFY_AUDIT_LOG, Set.of(AUDITOR, ADMIN)),
				Map.entry(Action.CREATE_STAFF, Set.of(ADMIN)), Map.entry(Action.ISSUE_TOKEN, Set.of(ADMIN)),
				Map.entry(Action.REVOKE_TOKEN, Set.of(ADMIN)), Map.entry(Action.REGISTER_AGENCY, Set.of(ADMIN)),
				Map.entry(Action.VERIFY_AGENCY, Set.of(ADMIN)), Map.entry(Action.ADD_OFFICER, Set.of(ADMIN)));
		expected.forEach((action, roles) -> assertThat(action.roles()).as(action.name()).isEqualTo(roles));
	}

	private static CurrentUser staff(Role role) {
		return CurrentUser.staff(StaffId.random(), Set.of(role));
	}

	private static CurrentUser allRoles() {
		return CurrentUser.staff(StaffId.random(), EnumSet.allOf(Role.class));
	}

}
