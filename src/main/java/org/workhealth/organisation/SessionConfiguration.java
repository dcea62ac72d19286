package org.workhealth.organisation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The register of signed-in sessions that {@link AccountSessions} ends. The service keeps its sessions in the
 * database (Spring Session JDBC), so that any node can serve any request: the register is then the sessions table
 * itself, indexed by the person's email. Only tests that drive pages through MockMvc run without Spring Session
 * (MockMvc hands sessions over as objects, not cookies); they get a register in memory, keyed the same way.
 */
@Configuration
class SessionConfiguration {

    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        return repository == null ? new NamedSessionRegistry() : backedBy(repository);
    }

    private static <S extends Session> SessionRegistry backedBy(FindByIndexNameSessionRepository<S> repository) {
        return new SpringSessionBackedSessionRegistry<>(repository);
    }

    /** Tells the in-memory register when a session ends or changes its id, so it forgets or follows it. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
