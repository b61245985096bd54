package org.custodian.shared;

import java.util.UUID;

public record RequestId(UUID value) {

	public RequestId {
		if (value == null) {
			throw new IllegalArgumentException("RequestId needs a value");
		}
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID());
	}

	public static RequestId of(String value) {
		return new RequestId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
