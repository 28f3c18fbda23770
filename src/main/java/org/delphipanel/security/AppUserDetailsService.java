package org.delphipanel.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds Spring Security's login with accounts from {@code app_user}, found by e-mail address in any
 * letter case. An account without a password is treated as unknown (it is waiting for its invitation
 * to be accepted); a disabled account is loaded as disabled, which Spring Security refuses.
 */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AppUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        EmailAddress email;
        try {
            email = EmailAddress.of(username);
        } catch (IllegalArgumentException malformed) {
            throw new UsernameNotFoundException("No account for that sign-in name");
        }
        UserRepository.StoredUser stored = users.findByEmail(email)
                .filter(UserRepository.StoredUser::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("No account for that sign-in name"));
        AppUser user = stored.user();
        return User.withUsername(user.email())
                .password(stored.passwordHash())
                .authorities(new SimpleGrantedAuthority(user.role().authority()))
                .disabled(!user.enabled())
                .build();
    }
}
