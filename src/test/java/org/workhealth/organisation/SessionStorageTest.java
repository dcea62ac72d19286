package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;

/** Session attributes go to the database and back; one another version of the service wrote is dropped, not fatal. */
class SessionStorageTest {

    record Draft(String answer) implements Serializable {
    }

    @Test
    void aSignedInPersonIsReadBackAsWritten() {
        GenericConversionService conversions = SessionStorage.conversions(getClass().getClassLoader());
        CurrentUser user = new CurrentUser(7, "coach@bury.workhealth.example", "Coach", 3, "Bury",
                Set.copyOf(EnumSet.of(Role.PRACTITIONER)));
        byte[] bytes = conversions.convert(user, byte[].class);
        assertThat(conversions.convert(bytes, Object.class)).isEqualTo(user);
    }

    @Test
    void anAttributeWhoseClassThisNodeDoesNotHaveIsReadAsAbsent() {
        byte[] bytes = SessionStorage.conversions(getClass().getClassLoader()).convert(new Draft("yes"), byte[].class);
        // A loader that cannot see this test's classes stands in for a node of a version without the class.
        GenericConversionService otherVersion = SessionStorage.conversions(ClassLoader.getPlatformClassLoader());
        assertThat(otherVersion.convert(bytes, Object.class)).isNull();
    }
}
