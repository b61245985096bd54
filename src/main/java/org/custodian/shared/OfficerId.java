package org.custodian.shared;

import java.util.UUID;

public record OfficerId(UUID value) {

	public OfficerId {
		if (value == null) {
			throw new IllegalArgumentException("OfficerId needs a value");
		}
	}

	public static OfficerId random() {
		return new OfficerId(UUID.randomUUID());
	}

	public static OfficerId of(String value) {
		return new OfficerId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
