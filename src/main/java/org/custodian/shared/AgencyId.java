package org.custodian.shared;

import java.util.UUID;

public record AgencyId(UUID value) {

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
