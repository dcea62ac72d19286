package org.workhealth.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.returns.PersonalDataScan.Kind;

class PersonalDataScanTest {

    private final PersonalDataScan scan = PersonalDataScan.withNames(List.<String[]>of(
            new String[] {"Amelia", "Hartley"}, new String[] {"Sam", "White"}));

    @Test
    void findsEmailAddresses() {
        assertThat(scan.scan("amelia.hartley@example.com")).contains(Kind.EMAIL);
        assertThat(scan.scan("write to o'neil+work@mail.example.co.uk please")).contains(Kind.EMAIL);
    }

    @Test
    void findsPhoneNumbersInTheirUsualShapes() {
        assertThat(scan.scan("07700 900123")).containsExactly(Kind.PHONE);
        assertThat(scan.scan("07700900123")).containsExactly(Kind.PHONE);
        assertThat(scan.scan("+44 7700 900123")).containsExactly(Kind.PHONE);
        assertThat(scan.scan("(0161) 496 0000")).containsExactly(Kind.PHONE);
        assertThat(scan.scan("call 0161-496-0000")).containsExactly(Kind.PHONE);
    }

    @Test
    void findsNhsNumbersWhoseCheckDigitHolds() {
        assertThat(scan.scan("943 476 5919")).contains(Kind.NHS_NUMBER);
        assertThat(scan.scan("9434765919")).contains(Kind.NHS_NUMBER);
        assertThat(scan.scan("943-476-5919")).contains(Kind.NHS_NUMBER);
        assertThat(PersonalDataScan.nhsChecksumHolds("9434765918")).isFalse();
        assertThat(scan.scan("9434765918")).doesNotContain(Kind.NHS_NUMBER);
    }

    @Test
    void findsNationalInsuranceNumbers() {
        assertThat(scan.scan("QQ123456C")).containsExactly(Kind.NI_NUMBER);
        assertThat(scan.scan("qq 12 34 56 c")).containsExactly(Kind.NI_NUMBER);
        assertThat(scan.scan("AB 12 34 56 D")).containsExactly(Kind.NI_NUMBER);
        // Prefixes that are never issued.
        assertThat(scan.scan("GB123456A")).isEmpty();
    }

    @Test
    void findsPostcodes() {
        assertThat(scan.scan("BL9 0AW")).containsExactly(Kind.POSTCODE);
        assertThat(scan.scan("m1 1ae")).containsExactly(Kind.POSTCODE);
        assertThat(scan.scan("lives at SW1A 2AA")).containsExactly(Kind.POSTCODE);
        assertThat(scan.scan("EC1A1BB")).containsExactly(Kind.POSTCODE);
    }

    @Test
    void findsTheParticipantsNamesButNotWordsOfCodedAnswersThatShareThem() {
        assertThat(scan.scan("Hartley")).containsExactly(Kind.NAME);
        assertThat(scan.scan("amelia")).containsExactly(Kind.NAME);
        assertThat(scan.scan("Seen by Sam White today")).containsExactly(Kind.NAME);
        assertThat(scan.scan("White: English, Welsh, Scottish, Northern Irish or British")).isEmpty();
        assertThat(PersonalDataScan.patterns().scan("Hartley")).isEmpty();
    }

    @Test
    void leavesTheExtractsOwnValuesAlone() {
        // Pseudonyms the benchmark made, with digit runs that pass the NHS number's check inside them.
        for (String value : List.of("PA1E7EA93F9F245498D14", "P0DB6293424484DA2BC00", "P3415990540D342C0A881",
                "P3601881217FF4074B516", "P07700900123ABCDEF012", "C1", "25 to 34", "65 and over", "FEMALE",
                "PREFER_NOT_TO_SAY", "UNEMPLOYED", "2026-07-01", "FOUND_WORK", "Asian or Asian British: Pakistani",
                "")) {
            assertThat(scan.scan(value)).as(value).isEmpty();
        }
        assertThat(scan.scan(null)).isEmpty();
    }
}
