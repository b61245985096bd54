package org.custodian.removal;

import org.custodian.notice.HolderNotices;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of a holder's notice and appeal share: an officer of an agency in "MC",
 * a reviewer and an approver to decide a removal, and the holders' mail.
 */
abstract class HolderTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HolderNotices notices;

	Removals removals;

	Holders holders;

	World.Person officer;

	World.Person reviewer;

	World.Person approver;

	@BeforeEach
	void people() {
		this.removals = new Removals(this.api);
		this.holders = new Holders(this.jdbc);
		this.officer = this.world.officer(this.world.agency("MC"));
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
	}

}
