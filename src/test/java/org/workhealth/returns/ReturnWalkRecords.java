package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.milestone.MilestoneType;

/**
 * A return of the route walks' own ({@code GetRoutes}), taken as far as it goes: a programme of its own with one
 * participant in 2026 Q1, compiled and submitted by Bury, approved, collated and sent by NHS Greater Manchester. Its
 * own programme, so that approving (which locks the quarter) locks nothing another test records in.
 */
public final class ReturnWalkRecords {

    /** The programme's code, the locality's return the hub reviews, and the return the hub sent. */
    public record Made(String programme, long reviewed, long sent) {
    }

    private ReturnWalkRecords() {
    }

    public static Made make(ApplicationContext context) throws Exception {
        ReturnFixtures fixtures = context.getBean(ReturnFixtures.class);
        MockMvc mvc = context.getBean(MockMvc.class);
        ReturnFixtures.Setup setup = fixtures.programme(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        String code = setup.programme().code();
        String last = "Walker" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        long caseId = fixtures.openCase(setup, "Ashley", last, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4));
        fixtures.record(setup, caseId, MilestoneType.ENGAGEMENT, LocalDate.of(2026, 5, 6));
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        MockHttpSession hub = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        String path = "/returns/" + code + "/2026/1";
        redirected(mvc, post(path + "/compile").session(manager));
        String id = page(mvc, path, manager).selectFirst("form#submit input[name=return]").val();
        redirected(mvc, post(path + "/submit").param("return", id).session(manager));
        redirected(mvc, post("/returns/review/" + id + "/approve").session(hub));
        String collation = "/returns/board/" + code + "/2026/1";
        redirected(mvc, post(collation + "/collate").session(hub));
        redirected(mvc, post(collation + "/send").session(hub));
        String sent = page(mvc, collation, hub).selectFirst("#sent-link").attr("href");
        return new Made(code, Long.parseLong(id), Long.parseLong(sent.substring(sent.lastIndexOf('/') + 1)));
    }

    private static void redirected(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        int status = mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as("making the walk's return").isBetween(300, 399);
    }

    private static Document page(MockMvc mvc, String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString());
    }
}
