package org.custodian.shared.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The browser pages' language: the browser's Accept-Language until the viewer picks one
 * ({@code ?lang=zh-TW}), which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UiConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("custodian-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSecure(true);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change)
			.addPathPatterns("/portal/**", "/portal", "/console/**", "/console", "/transparency", "/transparency/**",
					"/appeal", "/appeal/**");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/portal");
	}

}
