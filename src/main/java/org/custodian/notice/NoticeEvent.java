package org.custodian.notice;

import java.util.Map;
import java.util.TreeMap;

import org.custodian.shared.Actor;
import org.custodian.shared.RequestEvent;
import org.custodian.shared.RequestId;

/**
 * A notice was sent, delayed or withheld, with the reason; recorded against the request.
 */
public record NoticeEvent(RequestId requestId, String action, String accountId, String reason) implements RequestEvent {

	@Override
	public Actor actor() {
		return Actor.SYSTEM;
	}

	@Override
	public Map<String, Object> details() {
		return new TreeMap<>(Map.of("accountId", this.accountId, "reason", this.reason));
	}

}
