package org.custodian.shared;

import java.io.Serializable;
import java.util.UUID;

/** An agency's id; serializable because it is part of a signed-in officer's session. */
public record AgencyId(UUID value) implements Serializable {

	public AgencyId {
		if (value == null) {
			throw new IllegalArgumentException("AgencyId needs a value");
		}
	}

	public static AgencyId random() {
		return new AgencyId(UUID.randomUUID());
	}

	public static AgencyId of(String value) {
		return new AgencyId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
