package org.custodian.shared;

import java.util.UUID;

public record StaffId(UUID value) {

	public StaffId {
		if (value == null) {
			throw new IllegalArgumentException("StaffId needs a value");
		}
	}

	public static StaffId random() {
		return new StaffId(UUID.randomUUID());
	}

	public static StaffId of(String value) {
		return new StaffId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
