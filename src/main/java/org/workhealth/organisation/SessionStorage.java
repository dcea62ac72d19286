package org.workhealth.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * How sessions are written to the database, for a service that runs as several nodes and is deployed one node at a
 * time (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    private static final Logger log = LoggerFactory.getLogger(SessionStorage.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStorageCustomizer(Environment environment) {
        return repository -> {
            repository.setConversionService(conversions(SessionStorage.class.getClassLoader()));
            // Two requests of one session at once (two tabs) may both add the same attribute: on PostgreSQL the
            // second updates it rather than failing on the primary key.
            if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            }
        };
    }

    /**
     * Java serialization, as Spring Session's default, except that an attribute a node cannot read back (written by
     * another version of the service, whose class has since changed or gone) is treated as absent: the person
     * starts that form again or signs in again, rather than meeting an error on every page until the session ends.
     */
    static GenericConversionService conversions(ClassLoader classLoader) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter read = new DeserializingConverter(classLoader);
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return read.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn("A session attribute written by another version of the service was dropped: {}",
                        e.getMostSpecificCause().getClass().getSimpleName());
                return null;
            }
        });
        return conversions;
    }
}
