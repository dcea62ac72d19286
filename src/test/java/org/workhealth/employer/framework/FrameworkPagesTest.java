package org.workhealth.employer.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;

/**
 * The framework as data, through its pages: the demo's two versions, criteria marked as written for the demo, and
 * a commissioner's change to a published version making a new draft that becomes current when published. Each test
 * makes its own hub's versions where it changes anything, so the demo's stay as they are for other tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameworkPagesTest {

    private final MockMvc mvc;
    private final Frameworks frameworks;
    private final FrameworkExamples examples;
    private final Organisations organisations;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    FrameworkPagesTest(MockMvc mvc, Frameworks frameworks, FrameworkExamples examples, Organisations organisations,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.mvc = mvc;
        this.frameworks = frameworks;
        this.examples = examples;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Test
    void theDemoHasTheLevelsFrameworkAndTheModularRevisionWhichIsCurrent() throws Exception {
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        Document list = page(mvc.perform(get("/thrive-at-work/framework").session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(list.select("table").text()).contains("Thrive at Work 2024 (modular)", "Current",
                "1 April 2024", "Thrive at Work (levels framework)", "1 July 2019");
        long modular = wmcaCurrent().id();
        Document version = page(mvc.perform(get("/thrive-at-work/framework/" + modular).session(commissioner))
                .andExpect(status().isOk()).andReturn());
        assertThat(version.select("[data-demonstration]").text()).contains("Criteria written for this demonstration");
        assertThat(version.select("main h2").eachText()).containsExactly("Leadership and culture", "Mental health",
                "Musculoskeletal health", "Healthy lifestyles", "Financial wellbeing");
        assertThat(version.select("table").text()).contains("B-MH-1", "Bronze, Mental health",
                "Line managers know how to start a conversation about mental health");
        Framework framework = frameworks.framework(modular);
        assertThat(framework.ofLevel("BRONZE")).extracting(Criterion::code)
                .containsExactlyInAnyOrder("B-TRAIN-1", "B-MH-1", "B-MH-2", "B-MSK-1", "B-PA-1", "B-FIN-1");
        assertThat(framework.ofModule("MONEY")).extracting(Criterion::code).containsExactly("B-FIN-1", "G-FIN-1");
    }

    @Test
    void anEditOfAPublishedVersionMakesADraftThatBecomesCurrentWhenPublished() throws Exception {
        long hub = wmca();
        long person = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.WMCA_COMMISSIONER)
                .query(Long.class).single();
        long[] made = examples.load(hub, person);
        long modular = made[1];
        Criterion criterion = frameworks.framework(modular).criterion("B-PA-1").orElseThrow();
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document form = page(mvc.perform(get("/thrive-at-work/framework/" + modular + "/criteria/" + criterion.id())
                .session(commissioner)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("textarea#text").text()).isEqualTo(criterion.text());
        assertThat(form.select(".govuk-warning-text").text()).contains("new draft version");

        MvcResult saved = mvc.perform(post("/thrive-at-work/framework/" + modular + "/criteria/" + criterion.id())
                .session(commissioner).with(csrf()).param("text", "Staff are offered an hour a week to be active.")
                .param("evidenceGuidance", "The scheme and how many took part.")).andExpect(status().is3xxRedirection())
                .andReturn();
        String draftPath = saved.getResponse().getRedirectedUrl();
        long draft = Long.parseLong(draftPath.substring(draftPath.lastIndexOf('/') + 1));
        assertThat(draft).isNotEqualTo(modular);
        assertThat(frameworks.version(draft).orElseThrow().status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(frameworks.version(draft).orElseThrow().basedOnId()).isEqualTo(modular);
        // The published version is unchanged; the draft has every criterion and module, with the change.
        assertThat(frameworks.framework(modular).criterion("B-PA-1").orElseThrow().text()).isEqualTo(criterion.text());
        Framework copy = frameworks.framework(draft);
        assertThat(copy.criterion("B-PA-1").orElseThrow().text()).isEqualTo("Staff are offered an hour a week to be active.");
        assertThat(copy.criteria()).hasSameSizeAs(frameworks.framework(modular).criteria());
        assertThat(copy.ofModule("LIFESTYLE")).extracting(Criterion::code).contains("B-PA-1");
        assertThat(frameworks.current(hub).orElseThrow().id()).isNotEqualTo(draft);

        mvc.perform(post("/thrive-at-work/framework/" + draft + "/publish").session(commissioner).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(frameworks.current(hub).orElseThrow().id()).isEqualTo(draft);
        assertThat(frameworks.version(draft).orElseThrow().name()).isEqualTo("Thrive at Work 2024 (modular)");
    }

    @Test
    void aCriterionNeedsItsWordingWithinItsLimitsAndAKnownLevelAreaAndModule() throws Exception {
        long modular = wmcaCurrent().id();
        MockHttpSession commissioner = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        Document page = page(mvc.perform(post("/thrive-at-work/framework/" + modular + "/criteria/new")
                .session(commissioner).with(csrf()).param("levelCode", "PLATINUM").param("areaCode", "MENTAL_HEALTH")
                .param("moduleCode", "").param("code", "B-MH-1").param("text", "x".repeat(501))
                .param("evidenceGuidance", "Kept answer")).andExpect(status().isOk()).andReturn());
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Select the level",
                "Select the module", "This version already has a criterion with this code",
                "Criterion must be 500 characters or fewer");
        assertThat(page.select("#levelCode-error").text()).contains("Select the level");
        assertThat(page.select("textarea#evidenceGuidance").text()).isEqualTo("Kept answer");
        assertThat(frameworks.versions(List.of(wmca()))).noneMatch(v -> v.basedOnId() != null
                && v.basedOnId() == modular && !v.published() && frameworks.framework(v.id()).criteria().isEmpty());
    }

    @Test
    void onlyACommissionerOfTheHubChangesTheFramework() throws Exception {
        long modular = wmcaCurrent().id();
        Criterion criterion = frameworks.framework(modular).criterion("B-MH-1").orElseThrow();
        String edit = "/thrive-at-work/framework/" + modular + "/criteria/" + criterion.id();
        // Another hub's commissioner does not even see the version; a practitioner cannot change it.
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        mvc.perform(get("/thrive-at-work/framework/" + modular).session(gm)).andExpect(status().isNotFound());
        mvc.perform(get(edit).session(gm)).andExpect(status().isNotFound());
        mvc.perform(post(edit).session(gm).with(csrf()).param("text", "Changed").param("evidenceGuidance", "Changed"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/thrive-at-work/framework/" + modular + "/publish").session(gm).with(csrf()))
                .andExpect(status().isNotFound());
        MockHttpSession specialist = SignIn.as(mvc, "specialist@bchft.workhealth.example");
        mvc.perform(post(edit).session(specialist).with(csrf()).param("text", "Changed")
                .param("evidenceGuidance", "Changed")).andExpect(status().isNotFound());
        assertThat(frameworks.framework(modular).criterion("B-MH-1").orElseThrow().text())
                .isEqualTo(criterion.text());
    }

    private FrameworkVersion wmcaCurrent() {
        // The demo's own versions: the oldest published modular version of the hub.
        return frameworks.versions(List.of(wmca())).stream()
                .filter(v -> v.modular() && v.published() && v.basedOnId() != null && v.publishedOn() != null
                        && v.publishedOn().getYear() == 2024)
                .reduce((a, b) -> b).orElseThrow();
    }

    private long wmca() {
        return organisations.findByName("West Midlands Combined Authority").orElseThrow().id();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
