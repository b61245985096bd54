package org.custodian.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where input from outside is checked for control characters: one Jackson module for
 * JSON, one interceptor for headers, parameters and uploads, one advice for text bodies
 * (see docs/adr/0011-hostile-input.md).
 */
@Configuration(proxyBeanMethods = false)
class HostileInputConfiguration implements WebMvcConfigurer {

	@Bean
	CleanTextModule cleanTextModule() {
		return new CleanTextModule();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CleanTextInterceptor());
	}

}
