package org.custodian.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on ({@code custodian.sso.*}); the provider itself is Spring
 * Security's client registration {@code spring.security.oauth2.client.registration.*}.
 *
 * @param groupsClaim the ID token's claim listing the user's groups at the provider
 * @param roles which Custodian roles each provider group gives; a user with none of these
 * groups is refused
 * @param trustProviderMfa whether a sign-in the provider says used several factors
 * ({@code amr} or {@code acr}) needs no second factor here
 * @param mfaMethods the {@code amr} values that count as several factors (RFC 8176)
 * @param mfaAcr the {@code acr} values that do
 */
@ConfigurationProperties("custodian.sso")
public record SingleSignOnProperties(@DefaultValue("groups") String groupsClaim, Map<String, Set<Role>> roles,
		@DefaultValue("false") boolean trustProviderMfa, @DefaultValue( {
				"mfa", "otp", "hwk", "swk" }) List<String> mfaMethods,
		@DefaultValue({}) List<String> mfaAcr){

	public SingleSignOnProperties {
		roles = (roles != null) ? roles : Map.of();
	}

}
