package org.custodian.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import org.custodian.disclosure.EmergencyChecks;
import org.custodian.duediligence.Assessments;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.intake.IntakeService;
import org.custodian.intake.Receipt;
import org.custodian.intake.SubmissionForm;
import org.custodian.notice.Notices;
import org.custodian.policy.Pauses;
import org.custodian.preservation.Preservations;
import org.custodian.review.PauseEnforcement;
import org.custodian.review.ReviewService;
import org.custodian.shared.RequestId;
import org.custodian.shared.StaffId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Replays July 2019 to June 2021 through the real services, moving the
 * {@link ReplayClock} to each step's moment: officers submit, reviewers propose,
 * approvers decide under four eyes, emergency callbacks are recorded, and the platform's
 * own jobs (productions, preservation snapshots) run at the time of the day they were
 * queued. In July 2020 the human-rights leads assess Hong Kong's national security law
 * and the policy administrator pauses Hong Kong's productions.
 */
@Component
@Profile("demo")
class HistoryReplay {

	private static final Logger log = LoggerFactory.getLogger(HistoryReplay.class);

	/** The jobs the replay waits for at the end of each day (one-time tasks). */
	private static final Set<String> DAILY_JOBS = Set.of("send-notices", "build-production", "preserve-records");

	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

	private final ReplayClock clock;

	private final IntakeService intake;

	private final ReviewService review;

	private final EmergencyChecks emergencies;

	private final Assessments assessments;

	private final PauseEnforcement enforcement;

	private final ObjectProvider<Scheduler> scheduler;

	private final Preservations preservations;

	private final Notices notices;

	private final RemovalReplay removals;

	/** db-scheduler decides what is due by the machine's clock, not the replay's. */
	private final Clock wallClock = Clock.systemUTC();

	HistoryReplay(ReplayClock clock, IntakeService intake, ReviewService review, EmergencyChecks emergencies,
			Assessments assessments, PauseEnforcement enforcement, ObjectProvider<Scheduler> scheduler,
			Preservations preservations, Notices notices, RemovalReplay removals) {
		this.removals = removals;
		this.clock = clock;
		this.intake = intake;
		this.review = review;
		this.emergencies = emergencies;
		this.assessments = assessments;
		this.enforcement = enforcement;
		this.scheduler = scheduler;
		this.preservations = preservations;
		this.notices = notices;
	}

	/**
	 * Replays the plan up to the end of June 2021; the clock is left at the last step
	 * replayed (the caller returns it to real time).
	 * @param team the response team by demo name
	 * @param officers each agency's officer by agency key
	 * @return how many requests were submitted
	 */
	int replay(Map<String, StaffId> team, Map<String, CurrentUser> officers) {
		Run run = new Run(team, officers);
		List<ReplayPlan.Planned> plan = ReplayPlan.requests();
		for (int i = 0; i < plan.size(); i++) {
			ReplayPlan.Planned planned = plan.get(i);
			int n = i;
			run.at(planned.submitAt(), () -> run.submit(planned, n));
		}
		run.dueDiligence();
		this.removals.schedule(run::at, team, officers);
		LocalDate day = null;
		long waited = 0;
		long started = System.nanoTime();
		while (!run.steps.isEmpty() && run.steps.peek().at().isBefore(ReplayPlan.END)) {
			Step step = run.steps.poll();
			LocalDate today = LocalDate.ofInstant(step.at(), ZoneOffset.UTC);
			if (day != null && !today.equals(day)) {
				endOfDay();
			}
			if (day != null && !today.equals(day) && run.queued) {
				long before = System.nanoTime();
				settle();
				waited += System.nanoTime() - before;
				run.queued = false;
			}
			day = today;
			this.clock.travelTo(step.at());
			try {
				step.action().run();
			}
			catch (RuntimeException ex) {
				run.failures.incrementAndGet();
				log.warn("Replay step at {} failed: {}", step.at(), ex.getMessage());
			}
		}
		settle();
		log.info("Replay: {} steps in {} ms, of which {} ms waiting for the day's productions and snapshots", run.order,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), Duration.ofNanos(waited).toMillis());
		if (run.failures.get() > 0) {
			log.warn("{} replay steps failed", run.failures.get());
		}
		return plan.size();
	}

	/**
	 * What the platform's hourly jobs do by the replay's clock, as the day ends:
	 * preservations past their 90 days expire, and notices delayed by a non-disclosure
	 * order or an emergency go out once their time has come (through the demo's mailbox),
	 * so that the replayed years show them.
	 */
	private void endOfDay() {
		Instant now = this.clock.instant();
		try {
			this.preservations.expire(now);
			this.notices.sendDue(now);
		}
		catch (RuntimeException ex) {
			log.warn("Replayed end of day {} failed: {}", now, ex.getMessage());
		}
	}

	/**
	 * Lets the platform's jobs queued today run at today's time: asks db-scheduler to
	 * look for due executions now and waits until none of the daily one-time jobs is due.
	 */
	private void settle() {
		Scheduler jobs = this.scheduler.getIfAvailable();
		if (jobs == null) {
			return;
		}
		Instant deadline = this.wallClock.instant().plus(SETTLE_LIMIT);
		jobs.triggerCheckForDueExecutions();
		int polls = 0;
		while (due(jobs) > 0) {
			if (this.wallClock.instant().isAfter(deadline)) {
				log.warn("Jobs still due after {}; the replay goes on", SETTLE_LIMIT);
				return;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (++polls % 20 == 0) {
				jobs.triggerCheckForDueExecutions();
			}
		}
	}

	private int due(Scheduler jobs) {
		Instant now = this.wallClock.instant();
		AtomicInteger due = new AtomicInteger();
		jobs.fetchScheduledExecutions(ScheduledExecutionsFilter.all(), (execution) -> {
			if (DAILY_JOBS.contains(execution.getTaskInstance().getTaskName())
					&& !execution.getExecutionTime().isAfter(now)) {
				due.incrementAndGet();
			}
		});
		return due.get();
	}

	private record Step(Instant at, long order, Runnable action) {
	}

	/**
	 * One replay: the queue of steps in time order, and the people who take them.
	 */
	private final class Run {

		private final PriorityQueue<Step> steps = new PriorityQueue<>(
				Comparator.comparing(Step::at).thenComparingLong(Step::order));

		private final AtomicInteger failures = new AtomicInteger();

		private final Map<String, StaffId> team;

		private final Map<String, CurrentUser> officers;

		private final CurrentUser reviewer;

		private final CurrentUser approver;

		private long order;

		/** Whether today's steps may have queued a job (a production or a snapshot). */
		private boolean queued;

		private UUID assessment;

		private UUID pause;

		Run(Map<String, StaffId> team, Map<String, CurrentUser> officers) {
			this.team = team;
			this.officers = officers;
			this.reviewer = CurrentUser.staff(team.get("reviewer"), Set.of(Role.REVIEWER));
			this.approver = CurrentUser.staff(team.get("approver"), Set.of(Role.APPROVER));
		}

		void at(Instant at, Runnable action) {
			this.steps.add(new Step(at, this.order++, action));
		}

		void submit(ReplayPlan.Planned planned, int n) {
			DemoAgency agency = DemoAgency.of(planned.agency());
			SubmissionForm form = ReplayForms.request(planned, agency, n);
			Receipt receipt = HistoryReplay.this.intake.submit(this.officers.get(agency.key()), form, null, null);
			this.queued |= "PRESERVATION".equals(planned.type());
			if (planned.fate() != null) {
				at(planned.proposeAt(), () -> propose(receipt.id(), planned, form.categories()));
			}
		}

		void propose(RequestId id, ReplayPlan.Planned planned, List<String> requested) {
			HistoryReplay.this.review.propose(id, ReplayForms.decision(planned, requested), this.reviewer);
			at(planned.approveAt(), () -> approve(id, planned));
		}

		void approve(RequestId id, ReplayPlan.Planned planned) {
			HistoryReplay.this.review.approve(id, true, "Agreed", this.approver);
			this.queued |= planned.fate().startsWith("DISCLOSE");
			if (planned.callback()) {
				at(planned.approveAt().plus(Duration.ofMinutes(20)), () -> {
					HistoryReplay.this.emergencies.recordCallback(id, DemoAgency.of(planned.agency()).phone(), true,
							"Duty officer confirmed the request on the registered number", this.reviewer);
					this.queued = true;
				});
			}
		}

		/**
		 * The assessment the pause rests on: opened the morning after the law took
		 * effect, three expert consultations, a conclusion to keep the pause, signed off
		 * by the second lead; the pause is enacted the next day.
		 */
		void dueDiligence() {
			CurrentUser lead = CurrentUser.staff(this.team.get("hr-lead"), Set.of(Role.HUMAN_RIGHTS_LEAD));
			CurrentUser second = CurrentUser.staff(this.team.get("hr-lead-2"), Set.of(Role.HUMAN_RIGHTS_LEAD));
			CurrentUser admin = CurrentUser.staff(this.team.get("policy-admin"), Set.of(Role.POLICY_ADMIN));
			CurrentUser confirmer = CurrentUser.staff(this.team.get("policy-admin-2"), Set.of(Role.POLICY_ADMIN));
			Assessments dd = HistoryReplay.this.assessments;
			at(ReplayPlan.ASSESSMENT_OPENED, () -> this.assessment = dd.open("HK",
					"National security law of Hong Kong (in force 30 June 2020, 23:00 HKT)", "2020-06-30", lead));
			String[][] experts = { { "Dr. A. Expert", "University human-rights law centre", "2020-07-02",
					"Offences of secession, subversion, terrorism and collusion are defined broadly; requests may "
							+ "target protected expression and assembly." },
					{ "B. Advocate", "International press-freedom organisation", "2020-07-03",
							"Journalists and their sources at risk; no independent oversight of designated judges." },
					{ "C. Counsel", "Former judge, common-law jurisdiction", "2020-07-04",
							"Extraterritorial reach and national-security exceptions to the right to a fair trial." } };
			for (String[] expert : experts) {
				at(Instant.parse(expert[2] + "T08:00:00Z"), () -> dd.consult(this.assessment,
						new Assessments.Consultation(expert[0], expert[1], expert[2], expert[3]), lead));
			}
			Map<String, Map<String, String>> findings = Map.of("privacy",
					Map.of("risk", "HIGH", "note", "Data of critics may be sought under vague offences"), "expression",
					Map.of("risk", "SEVERE", "note", "Speech offences without a clear definition"), "assembly",
					Map.of("risk", "HIGH", "note", "Protest organisers are targets of requests"), "fairTrial",
					Map.of("risk", "HIGH", "note", "Designated judges; trial without jury possible"), "liberty",
					Map.of("risk", "HIGH", "note", "Detention on national-security grounds"));
			at(Instant.parse("2020-07-05T10:00:00Z"),
					() -> dd.conclude(this.assessment, new Assessments.Conclusion(findings, "MAINTAIN_PAUSE",
							"Disclosure to Hong Kong authorities risks contributing to violations of expression, "
									+ "assembly and privacy; productions stay paused pending a change in the law or "
									+ "international consensus.",
							null), lead));
			at(Instant.parse("2020-07-05T16:00:00Z"), () -> dd.signOff(this.assessment, second));
			at(ReplayPlan.ENACTED.minus(Duration.ofHours(2)), () -> this.pause = HistoryReplay.this.enforcement
				.propose(new Pauses.PauseForm("HK", "BOTH", List.of("PRODUCTION"), "ALL", ReplayPlan.LAW.toString(),
						"Pending formal human-rights due diligence on the national security law, and consultation "
								+ "with human-rights experts",
						this.assessment.toString(), "International consensus that the law meets human-rights standards",
						false), admin)
				.id());
			at(ReplayPlan.ENACTED, () -> {
				PauseEnforcement.Enacted enacted = HistoryReplay.this.enforcement.confirm(this.pause, confirmer);
				log.info("Replay: Hong Kong pause proposed by one policy administrator, confirmed by a second on {}, "
						+ "{} requests held", ReplayPlan.ENACTED, enacted.held());
			});
		}

	}

}
