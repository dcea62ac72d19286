package org.workhealth.api;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A call authenticated as an API client: its authorities are its scopes ({@code SCOPE_referrals.write}). */
class ApiClientAuthenticationToken extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    ApiClientAuthenticationToken(ApiCaller caller) {
        super(caller.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.actorEmail();
    }
}
