package org.custodian.authorization;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints the running application maps, read from Spring MVC's handler mappings, as
 * {@code METHOD /path/{pattern}}.
 */
final class Inventory {

	private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	private Inventory() {
	}

	/**
	 * Every POST, PUT, PATCH and DELETE under /api, /console and /portal, and the public
	 * appeal page.
	 */
	static Set<String> stateChanging(ApplicationContext context) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings(context)) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (RequestMethod method : methods.isEmpty() ? CHANGING : methods) {
				if (CHANGING.contains(method)) {
					paths(info).forEach((path) -> endpoints.add(method + " " + path));
				}
			}
		}
		return endpoints;
	}

	/**
	 * Every mapped method and path under /api, /console and /portal, and the public
	 * appeal page.
	 */
	static Set<String> all(ApplicationContext context) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings(context)) {
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				paths(info).forEach((path) -> endpoints.add(method + " " + path));
			}
		}
		return endpoints;
	}

	private static Set<RequestMappingInfo> mappings(ApplicationContext context) {
		Set<RequestMappingInfo> infos = new java.util.HashSet<>();
		context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach((mapping) -> infos.addAll(mapping.getHandlerMethods().keySet()));
		return infos;
	}

	private static Set<String> paths(RequestMappingInfo info) {
		Set<String> paths = new TreeSet<>();
		for (String path : info.getPatternValues()) {
			if (path.startsWith("/api/") || path.startsWith("/console/") || path.startsWith("/portal/")
					|| path.equals("/appeal")) {
				paths.add(path);
			}
		}
		return paths;
	}

}
