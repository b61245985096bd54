package org.custodian.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the demo replays from July 2019 to June 2021: every request with when it arrives,
 * what it asks for, and what the response team will decide and when. Hong Kong is shaped
 * like Meta's published figures; the other agencies have plausible, varied volumes. The
 * plan is a pure function of a fixed seed, so every start replays the same history.
 */
final class ReplayPlan {

	static final Instant START = Instant.parse("2019-07-01T00:00:00Z");

	static final Instant END = Instant.parse("2021-07-01T00:00:00Z");

	/** The national security law took effect: 30 June 2020, 23:00 in Hong Kong. */
	static final Instant LAW = Instant.parse("2020-06-30T15:00:00Z");

	/** The assessment is opened the morning after the law took effect. */
	static final Instant ASSESSMENT_OPENED = Instant.parse("2020-07-01T02:00:00Z");

	/** The pause of Hong Kong's productions is enacted. */
	static final Instant ENACTED = Instant.parse("2020-07-06T09:00:00Z");

	/** Hong Kong's public record, per half-year: legal process, emergencies, produced. */
	private static final int[][] HONG_KONG = { { 239, 2, 111 }, { 260, 2, 63 }, { 201, 1, 0 }, { 152, 0, 0 } };

	/**
	 * The other agencies: key, legal process and emergencies per half-year, share
	 * produced.
	 */
	private static final List<Other> OTHERS = List.of(new Other("fbi", true, new int[] { 26, 31, 28, 33 }, 2, 0.82),
			new Other("met", false, new int[] { 12, 10, 13, 11 }, 1, 0.71),
			new Other("bka", false, new int[] { 8, 10, 7, 9 }, 1, 0.58),
			new Other("pn", false, new int[] { 5, 4, 6, 4 }, 0, 0.52),
			new Other("npa", false, new int[] { 2, 3, 2, 3 }, 0, 0.45));

	private static final List<String> REJECTIONS = List.of("OVERBROAD", "INSUFFICIENT_LEGAL_PROCESS",
			"DEFECTIVE_PROCESS", "OVERBROAD", "NOT_COMPETENT_AUTHORITY");

	private final Random random = new Random(20190701L);

	private ReplayPlan() {
	}

	/** Every planned request, in order of arrival. */
	static List<Planned> requests() {
		ReplayPlan plan = new ReplayPlan();
		List<Planned> all = new ArrayList<>();
		for (int half = 0; half < 4; half++) {
			all.addAll(plan.hongKong(half));
			for (Other other : OTHERS) {
				all.addAll(plan.other(other, half));
			}
		}
		all.sort(Comparator.comparing(Planned::submitAt));
		return all;
	}

	private List<Planned> hongKong(int half) {
		List<Instant> arrivals = arrivals(half, HONG_KONG[half][0] + HONG_KONG[half][1]);
		Set<Integer> emergencyAt = pick(arrivals.size(), HONG_KONG[half][1]);
		if (half == 1) {
			// One emergency arrives on the eve of the law; its callback is not confirmed
			// before the pause is enacted, which holds it.
			int eve = emergencyAt.stream().max(Integer::compare).orElseThrow();
			arrivals.set(eve, Instant.parse("2020-06-29T21:30:00Z"));
		}
		List<Planned> requests = new ArrayList<>();
		for (int i = 0; i < arrivals.size(); i++) {
			boolean emergency = emergencyAt.contains(i);
			Instant propose = arrivals.get(i).plus(emergency ? hours(2) : days(2 + this.random.nextInt(12)));
			Instant approve = propose.plus(emergency ? hours(1) : days(1 + this.random.nextInt(3)));
			requests.add(new Planned("hkpf", emergency ? "EMERGENCY" : "LEGAL_PROCESS", arrivals.get(i), null, propose,
					approve, emergency));
		}
		Set<Integer> producers = producers(requests, HONG_KONG[half][2]);
		for (int i = 0; i < requests.size(); i++) {
			requests.set(i, decide(requests.get(i), producers.contains(i)));
		}
		return requests;
	}

	/**
	 * Exactly as many requests as the record says had data produced, among those approved
	 * well before the law took effect: emergencies first, then legal process at random.
	 */
	private Set<Integer> producers(List<Planned> requests, int produced) {
		Set<Integer> producers = new HashSet<>();
		List<Integer> eligible = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).approveAt().isBefore(LAW.minus(days(1)))) {
				if (requests.get(i).emergency()) {
					producers.add(i);
				}
				else {
					eligible.add(i);
				}
			}
		}
		Collections.shuffle(eligible, this.random);
		for (int i : eligible) {
			if (producers.size() < produced) {
				producers.add(i);
			}
		}
		if (producers.size() != produced) {
			throw new IllegalStateException("Cannot plan " + produced + " productions for Hong Kong");
		}
		return producers;
	}

	private Planned decide(Planned request, boolean producer) {
		if (producer) {
			return request.decided(
					(this.random.nextInt(5) == 0 && !request.emergency()) ? "DISCLOSE_PARTIAL" : "DISCLOSE",
					request.approveAt(), request.callback());
		}
		if (request.emergency()) {
			// Approved but never produced: the one on the eve of the law awaits its
			// callback when the pause is enacted; a later one is held when approved.
			return request.decided("DISCLOSE", request.approveAt(), false);
		}
		Instant approve = request.approveAt();
		if (!approve.isBefore(LAW.minus(days(1))) && this.random.nextInt(100) < 45) {
			// Approvals of Hong Kong disclosures wait for the assessment; once the pause
			// is
			// in force, each is held the moment it is approved.
			if (approve.isBefore(ENACTED.plus(hours(1)))) {
				approve = ENACTED.plus(hours(1 + this.random.nextInt(48)));
			}
			return request.decided("DISCLOSE", approve, false);
		}
		return request.decided(refusal(approve.isAfter(LAW)), approve, false);
	}

	private List<Planned> other(Other other, int half) {
		int legal = other.legal()[half];
		List<Instant> arrivals = arrivals(half, legal + other.emergencies());
		Set<Integer> emergencyAt = pick(arrivals.size(), other.emergencies());
		List<Planned> requests = new ArrayList<>();
		for (int i = 0; i < arrivals.size(); i++) {
			boolean emergency = emergencyAt.contains(i);
			Instant propose = arrivals.get(i).plus(emergency ? hours(1) : days(1 + this.random.nextInt(10)));
			Instant approve = propose.plus(emergency ? hours(1) : days(1 + this.random.nextInt(2)));
			String fate = (emergency || this.random.nextDouble() < other.produced())
					? ((this.random.nextInt(4) == 0 && !emergency) ? "DISCLOSE_PARTIAL" : "DISCLOSE") : refusal(false);
			if (other.home() && "REQUIRE_MLAT".equals(fate)) {
				fate = "NO_DATA";
			}
			requests.add(new Planned(other.agency(), emergency ? "EMERGENCY" : "LEGAL_PROCESS", arrivals.get(i), fate,
					propose, approve, emergency));
		}
		// A few preservation letters ahead of legal process.
		if (other.home() || "met".equals(other.agency())) {
			for (Instant at : arrivals(half, other.home() ? 3 : 1)) {
				requests.add(new Planned(other.agency(), "PRESERVATION", at, null, null, null, false));
			}
		}
		return requests;
	}

	private String refusal(boolean afterLaw) {
		int roll = this.random.nextInt(100);
		if (roll < 30) {
			return "NO_DATA";
		}
		if (roll < 50) {
			return "REQUIRE_MLAT";
		}
		return "REJECT:" + ((afterLaw && roll < 75) ? "HUMAN_RIGHTS_RISK"
				: REJECTIONS.get(this.random.nextInt(REJECTIONS.size())));
	}

	/** Arrival times spread over the half-year, during office hours, sorted. */
	private List<Instant> arrivals(int half, int count) {
		LocalDate start = LocalDate.ofInstant(START, ZoneOffset.UTC).plusMonths(6L * half);
		int length = (int) ChronoUnit.DAYS.between(start, start.plusMonths(6));
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// Office hours in Asia and Europe, all within the half-year (UTC).
			Instant day = start.plusDays(this.random.nextInt(length)).atStartOfDay(ZoneOffset.UTC).toInstant();
			times.add(day.plus(hours(1 + this.random.nextInt(16))).plusSeconds(this.random.nextInt(3600)));
		}
		Collections.sort(times);
		return times;
	}

	private Set<Integer> pick(int size, int count) {
		Set<Integer> picked = new HashSet<>();
		while (picked.size() < count) {
			picked.add(this.random.nextInt(size));
		}
		return picked;
	}

	private static Duration days(long days) {
		return Duration.ofDays(days);
	}

	private static Duration hours(long hours) {
		return Duration.ofHours(hours);
	}

	/**
	 * One request of the plan. The fate is DISCLOSE, DISCLOSE_PARTIAL, NO_DATA,
	 * REQUIRE_MLAT or REJECT:reason; preservation requests have none.
	 */
	record Planned(String agency, String type, Instant submitAt, String fate, Instant proposeAt, Instant approveAt,
			boolean callback) {

		boolean emergency() {
			return "EMERGENCY".equals(this.type);
		}

		Planned decided(String fate, Instant approveAt, boolean callback) {
			return new Planned(this.agency, this.type, this.submitAt, fate, this.proposeAt, approveAt, callback);
		}

	}

	private record Other(String agency, boolean home, int[] legal, int emergencies, double produced) {
	}

}
