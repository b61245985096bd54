package org.custodian.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal-tier rules in force: defaults from {@code policy/legal-tiers.json},
 * overridden per jurisdiction in the database.
 */
@Service
public class LegalTierPolicy {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Jurisdiction home;

	private final boolean foreignContentRequiresMlat;

	private final Map<Instrument, Set<DataCategory>> defaults = new EnumMap<>(Instrument.class);

	private final Map<Instrument, String> notes = new EnumMap<>(Instrument.class);

	LegalTierPolicy(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${custodian.home-jurisdiction:US}") String home) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.home = Jurisdiction.of(home);
		try (InputStream in = new ClassPathResource("policy/legal-tiers.json").getInputStream()) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			this.foreignContentRequiresMlat = root.path("foreignContentRequiresMlat").asBoolean(true);
			for (Instrument instrument : Instrument.values()) {
				Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
				root.path("compels")
					.path(instrument.name())
					.forEach((c) -> categories.add(DataCategory.valueOf(c.asString())));
				this.defaults.put(instrument, categories);
				JsonNode note = root.path("notes").path(instrument.name());
				if (note.isString()) {
					this.notes.put(instrument, note.asString());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("policy/legal-tiers.json is missing or unreadable", ex);
		}
	}

	public Jurisdiction home() {
		return this.home;
	}

	/** The rules for requests from the given jurisdiction. */
	@Transactional(readOnly = true)
	public TierRules rulesFor(Jurisdiction jurisdiction) {
		Map<Instrument, Set<DataCategory>> compels = new EnumMap<>(this.defaults);
		this.jdbc.sql(
				"SELECT instrument, array_to_string(categories, ',') AS categories FROM legal_tier_rule WHERE jurisdiction = ?")
			.param(jurisdiction.code())
			.query((rs, row) -> Map.entry(Instrument.valueOf(rs.getString("instrument")),
					categories(rs.getString("categories"))))
			.list()
			.forEach((rule) -> compels.put(rule.getKey(), rule.getValue()));
		return new TierRules(this.home, this.foreignContentRequiresMlat, compels, this.notes);
	}

	@Transactional(readOnly = true)
	public List<CategoryFinding> screen(TierQuestion question) {
		return LegalTiers.screen(question, rulesFor(question.requester()));
	}

	/** Sets which categories an instrument of this jurisdiction compels. */
	@Transactional
	public TierRules override(Jurisdiction jurisdiction, String instrumentName, List<String> categoryNames,
			CurrentUser caller) {
		Actor actor = caller.require(Action.SET_LEGAL_TIERS).actor();
		FieldProblems problems = new FieldProblems();
		Instrument instrument = problems.enumValue(Instrument.class, instrumentName, "instrument", true);
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		if (categoryNames == null) {
			problems.add("categories", "is required (an empty list means the instrument compels nothing)");
		}
		else {
			for (int i = 0; i < categoryNames.size(); i++) {
				DataCategory category = problems.enumValue(DataCategory.class, categoryNames.get(i),
						"categories[" + i + "]", true);
				if (category != null) {
					categories.add(category);
				}
			}
		}
		problems.throwIfAny();
		String list = categories.stream().map(Enum::name).collect(Collectors.joining(","));
		this.jdbc
			.sql("INSERT INTO legal_tier_rule (jurisdiction, instrument, categories, changed_at) "
					+ "VALUES (?, ?, string_to_array(?, ','), ?) ON CONFLICT (jurisdiction, instrument) "
					+ "DO UPDATE SET categories = EXCLUDED.categories, changed_at = EXCLUDED.changed_at")
			.params(jurisdiction.code(), instrument.name(), list,
					OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new LegalTierRuleChanged(actor, jurisdiction.code(), instrument.name(), list));
		return rulesFor(jurisdiction);
	}

	private static Set<DataCategory> categories(String list) {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		if (list != null && !list.isEmpty()) {
			for (String name : list.split(",")) {
				categories.add(DataCategory.valueOf(name));
			}
		}
		return categories;
	}

	/**
	 * A jurisdiction's legal-tier rule was changed.
	 */
	public record LegalTierRuleChanged(Actor actor, String subjectId, String instrument,
			String categories) implements AuditableEvent {

		@Override
		public String action() {
			return "policy.legal-tier-changed";
		}

		@Override
		public String subjectType() {
			return "jurisdiction";
		}

		@Override
		public Map<String, Object> details() {
			return new TreeMap<>(Map.of("instrument", this.instrument, "categories", this.categories));
		}

	}

}
