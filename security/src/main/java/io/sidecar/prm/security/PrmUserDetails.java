package io.sidecar.prm.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user the system holds, as Spring Security sees it once signed in. Its password hash is not kept here. */
public final class PrmUserDetails implements UserDetails {

    private final Caller caller;

    PrmUserDetails(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public String toString() {
        return "PrmUserDetails[" + caller.username() + " " + List.copyOf(caller.roles()) + "]";
    }
}
