package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.workhealth.WorkHealthApplication;

/**
 * What a load balancer and an orchestrator ask a node: readiness (send it requests?) fails while the database is
 * unreachable, so requests go to other nodes; liveness (restart it?) does not, since a restart would not help.
 * The node runs on its own database behind an H2 TCP server, which the test stops and starts again. A node told to
 * stop reports not ready and goes on serving for a while, so that a load balancer takes it out first.
 */
class HealthProbesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNotAndAStoppingNodeIsNotReadyBeforeItStopsServing() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        int port = database.getPort();
        String url = "jdbc:h2:tcp://localhost:" + port + "/mem:probes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(WorkHealthApplication.class).run(
                "--server.port=0", "--management.server.port=", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                "--spring.datasource.hikari.connection-timeout=1000", "--workhealth.demo-data=false", "--workhealth.shutdown.delay=3s")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
            assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);

            database.stop();
            assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
            assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);

            // Back: the pool makes new connections, and the node is ready again within a few checks.
            database = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
            int ready = 0;
            for (int check = 0; check < 60 && ready != 200; check++) {
                Thread.sleep(500);
                ready = status(base + "/actuator/health/readiness");
            }
            assertThat(ready).isEqualTo(200);

            // Told to stop, the node reports not ready at once but goes on serving for the shutdown delay, so
            // that a load balancer takes it out before it stops answering.
            Thread stopping = new Thread(node::close);
            stopping.start();
            int notReady = 0;
            for (int check = 0; check < 100 && notReady != 503; check++) {
                Thread.sleep(20);
                notReady = status(base + "/actuator/health/readiness");
            }
            assertThat(notReady).isEqualTo(503);
            assertThat(status(base + "/accessibility")).isEqualTo(200);
            stopping.join();
        } finally {
            database.stop();
        }
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
