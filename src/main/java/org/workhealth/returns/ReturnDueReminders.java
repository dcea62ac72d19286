package org.workhealth.returns;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.calendar.WorkingDays;
import org.workhealth.notification.MessageTemplate;
import org.workhealth.notification.Messages;
import org.workhealth.notification.NewMessage;
import org.workhealth.organisation.Role;
import org.workhealth.organisation.StaffMessageCategory;
import org.workhealth.organisation.StaffRecipients;
import org.workhealth.platform.DailyJob;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Reminds the provider managers of each locality that has not yet submitted a quarter's return, {@link #BEFORE}
 * working days before its due date (the template's rule), unless they chose not to get these reminders. The key
 * names the programme, quarter, person and day, so a second run for the day makes nothing new. Claims have no due
 * date, so there is no such reminder for them.
 */
@Component
class ReturnDueReminders implements DailyJob {

    static final int BEFORE = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final ReturnTemplates templates;
    private final ReturnStates states;
    private final Programmes programmes;
    private final WorkingDays workingDays;
    private final StaffRecipients recipients;
    private final Messages messages;

    ReturnDueReminders(ReturnTemplates templates, ReturnStates states, Programmes programmes,
            WorkingDays workingDays, StaffRecipients recipients, Messages messages) {
        this.templates = templates;
        this.states = states;
        this.programmes = programmes;
        this.workingDays = workingDays;
        this.recipients = recipients;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "return-due-reminders";
    }

    @Override
    @Transactional
    public void run(LocalDate today) {
        Map<Long, Programme> byId = programmes.all().stream().collect(Collectors.toMap(Programme::id, p -> p));
        FinancialYear year = FinancialYear.containing(today);
        List<Quarter> quarters = new ArrayList<>(FinancialYear.of(year.startYear() - 1).quarters());
        quarters.addAll(year.quarters());
        for (ReturnTemplate template : templates.all(List.copyOf(byId.keySet()))) {
            for (Quarter quarter : quarters) {
                LocalDate due = template.dueOn(quarter);
                if (workingDays.addWorkingDays(due, -BEFORE).equals(today)) {
                    remind(byId.get(template.programmeId()), quarter, due, today);
                }
            }
        }
    }

    private void remind(Programme programme, Quarter quarter, LocalDate due, LocalDate today) {
        Set<Long> localities = programmes.contractsOf(programme.id()).stream()
                .filter(c -> Returns.overlaps(c, quarter)).map(Contract::providerOrganisationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // Those whose latest version is submitted or approved have done their part.
        states.latest(localities, programme.id(), quarter.financialYear(), false).stream()
                .filter(r -> r.quarter().equals(quarter) && !DataReturn.DRAFT.equals(r.status())
                        && !DataReturn.RETURNED.equals(r.status()))
                .forEach(r -> localities.remove(r.organisationId()));
        String item = "The " + programme.name() + " data return for " + quarter.label();
        for (StaffRecipients.Recipient person : recipients.holding(Role.PROVIDER_MANAGER, localities,
                StaffMessageCategory.DUE_REMINDERS)) {
            messages.queue(new NewMessage("return-due:" + programme.id() + ":" + quarter.financialYear().startYear()
                    + "-" + quarter.number() + ":" + person.personId() + ":" + today, MessageTemplate.RETURN_DUE,
                    NewMessage.Channel.EMAIL, person.email(), Map.of("item", item, "due_date", DAY.format(due)),
                    person.organisationId()));
        }
    }
}
