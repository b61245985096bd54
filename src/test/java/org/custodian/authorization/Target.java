package org.custodian.authorization;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a row acts on: the values of its path's variables (and, under {@code "?"}, a query
 * string), the audit subjects that are about it, and a probe that reads its state from
 * the database.
 */
record Target(Map<String, String> vars, List<String> subjects, Supplier<String> state) {

	String path(String pattern) {
		String path = pattern;
		for (Map.Entry<String, String> variable : this.vars.entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		return path + this.vars.getOrDefault("?", "");
	}

	String var(String name) {
		return this.vars.get(name);
	}

}
