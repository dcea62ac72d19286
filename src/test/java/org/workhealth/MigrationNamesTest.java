package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration files are named {@code V<yyyymmdd>_<NN>__<what>.sql}, the number after the date two digits, so that
 * {@code ls} lists them in the order Flyway applies them. They were once named {@code V20261123_1__…}: Flyway reads
 * versions numerically (20261123.1 equals 20261123.01), so a database migrated under the old names must validate,
 * and have nothing to apply, under the new ones. Checked on the test database's kind (H2, or PostgreSQL when the
 * tests run there) in a database or schema of its own.
 */
class MigrationNamesTest {

    private static final String NAME = "V\\d{8}_\\d{2}__[a-z0-9_]+\\.sql";

    @Test
    void everyMigrationNumberHasTwoDigitsSoTheFilesListInOrder() throws Exception {
        assertThat(migrations()).isNotEmpty().allSatisfy(file -> assertThat(file.getFileName().toString())
                .matches(NAME));
        List<String> byName = migrations().stream().map(file -> file.getFileName().toString()).sorted().toList();
        assertThat(byName).as("listed by name is the order Flyway applies them")
                .isSortedAccordingTo(Comparator.comparing(name -> MigrationVersion.fromVersion(
                        name.substring(1, name.indexOf("__")).replace('_', '.'))));
    }

    @Test
    void aDatabaseMigratedUnderTheOldNamesValidatesAndMigratesUnderTheNew(@TempDir Path oldNames,
            @TempDir Path databaseFolder) throws Exception {
        for (Path file : migrations()) {
            // V20261123_01__x.sql was V20261123_1__x.sql: the same content, so the same checksum.
            String old = file.getFileName().toString().replaceFirst("^(V\\d{8})_0(\\d)__", "$1_$2__");
            Files.copy(file, oldNames.resolve(old));
        }
        assertThat(oldNames.resolve("V20261123_1__organisations_and_people.sql")).exists();

        try (TestDatabase database = TestDatabase.create(databaseFolder)) {
            MigrateResult before = database.flyway("filesystem:" + oldNames).migrate();
            assertThat(before.migrationsExecuted).isEqualTo(migrations().size());

            Flyway renamed = database.flyway("classpath:db/migration");
            assertThat(renamed.validateWithResult().validationSuccessful).isTrue();
            assertThat(renamed.migrate().migrationsExecuted).isZero();
            assertThat(renamed.info().pending()).isEmpty();
        }
    }

    private static List<Path> migrations() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationNamesTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** A fresh H2 file database, or a fresh schema in the PostgreSQL test database, dropped afterwards. */
    private record TestDatabase(String url, String user, String password, String schema) implements AutoCloseable {

        /**
         * On H2 a file database in the test's own folder, not an in-memory one: an in-memory database keeps its
         * temporary files in java.io.tmpdir, where opening and closing a second one can close the suite's database.
         */
        static TestDatabase create(Path folder) {
            String url = System.getProperty("spring.datasource.url", "jdbc:h2:mem:");
            String user = System.getProperty("spring.datasource.username", "sa");
            String password = System.getProperty("spring.datasource.password", "");
            if (url.startsWith("jdbc:postgresql:")) {
                return new TestDatabase(url, user, password, "migration_names_" + UUID.randomUUID().toString()
                        .substring(0, 8));
            }
            return new TestDatabase("jdbc:h2:file:" + folder.resolve("names").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", null);
        }

        Flyway flyway(String location) {
            var configuration = Flyway.configure().dataSource(url, user, password).locations(location)
                    .cleanDisabled(false);
            return (schema == null ? configuration : configuration.schemas(schema).createSchemas(true)).load();
        }

        @Override
        public void close() throws SQLException {
            if (schema == null) {
                return; // the file database closes with its last connection and goes with the test's folder
            }
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
