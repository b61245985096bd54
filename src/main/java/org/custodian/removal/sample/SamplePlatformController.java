package org.custodian.removal.sample;

import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample platform's public face: what a viewer in a jurisdiction sees of an item
 * ({@code GET /sample-platform/items/{value}?from=HK}).
 */
@RestController
@ConditionalOnProperty(name = "custodian.removal.sample-platform.enabled", havingValue = "true", matchIfMissing = true)
class SamplePlatformController {

	private final SampleContent platform;

	SamplePlatformController(SampleContent platform) {
		this.platform = platform;
	}

	@GetMapping("/sample-platform/items/{value}")
	SampleContent.Visibility item(@PathVariable String value, @RequestParam String from) {
		if (!Jurisdiction.isValid(from)) {
			throw new InvalidInputException("from", "must be an ISO 3166-1 alpha-2 code such as HK");
		}
		return this.platform.visibility(value, Jurisdiction.of(from));
	}

}
