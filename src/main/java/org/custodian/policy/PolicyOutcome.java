package org.custodian.policy;

/**
 * What jurisdiction policy says about a request at a stage.
 */
public sealed interface PolicyOutcome permits PolicyOutcome.Proceed, PolicyOutcome.Hold, PolicyOutcome.RequireMlat {

	/** Nothing stops the request. */
	record Proceed() implements PolicyOutcome {
	}

	/** A pause catches the request at this stage. */
	record Hold(Pause pause) implements PolicyOutcome {
	}

	/** The jurisdiction's requests are answered only through the MLAT route. */
	record RequireMlat(String message) implements PolicyOutcome {
	}

}
