package org.custodian.shared.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.custodian.shared.CleanText;
import org.custodian.shared.FieldProblems;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses control characters in headers, query and form parameters, multipart part names
 * and file names before any controller runs, naming the header, parameter or part. (JSON
 * bodies are checked as they are read, by {@link CleanTextModule}; other text bodies by
 * {@link CleanTextBodyAdvice}.)
 */
class CleanTextInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		FieldProblems problems = new FieldProblems();
		for (String header : Collections.list(request.getHeaderNames())) {
			Collections.list(request.getHeaders(header)).forEach((value) -> problems.clean(value, header));
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!CleanText.isClean(name)) {
				problems.add("parameters", "a parameter name " + CleanText.refusal(name).orElseThrow());
				continue;
			}
			for (String value : parameter.getValue()) {
				problems.clean(value, name);
			}
		}
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : part.getValue()) {
					if (!CleanText.isClean(file.getOriginalFilename())) {
						problems.add(part.getKey(), "file name is not valid");
					}
				}
			}
		}
		problems.throwIfAny();
		return true;
	}

}
