package org.workhealth.referral;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.workhealth.referral.internal.ReferralRules;

/**
 * Reads an area deprivation lookup: a CSV file (or the same gzipped, as England's 1.5 million postcodes are more than
 * the upload limit as plain text) with a header naming {@code postcode} and {@code imd_decile}, other columns ignored.
 * Every row is checked and each bad row reported; the file is usable only with no bad rows at all.
 *
 * <p>Memory stays bounded whatever the file: the file is read as a stream, and each good row is kept as one
 * {@code long} (the postcode in base 37, the row number and the decile), so a duplicate postcode is found by sorting.
 */
final class DeprivationFile {

    static final int MAX_ROWS = 3_000_000;
    static final long MAX_TEXT_BYTES = 100L * 1024 * 1024;
    static final int PROBLEMS_KEPT = 1000;
    static final String POSTCODE = "postcode";
    static final String DECILE = "imd_decile";

    /** The file as a whole cannot be used. */
    static final class UnusableFile extends Exception {
        UnusableFile(String message) {
            super(message);
        }
    }

    record Problem(int row, String message) {
    }

    /** Good rows as packed longs, sorted by postcode; problems (the first {@link #PROBLEMS_KEPT}) and their count. */
    record Result(long[] entries, int rows, List<Problem> problems, int problemCount) {

        boolean usable() {
            return problemCount == 0;
        }

        int size() {
            return entries.length;
        }

        String postcode(int i) {
            return decodePostcode(entries[i] >>> 26);
        }

        int decile(int i) {
            return (int) (entries[i] & 0xF);
        }
    }

    private DeprivationFile() {
    }

    static Result read(InputStream raw, boolean gzipped) throws UnusableFile {
        try (InputStream in = limited(gzipped ? new GZIPInputStream(raw, 65536) : raw)) {
            InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            return read(CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(false)
                    .ofCsvRecord(reader));
        } catch (java.util.zip.ZipException e) {
            throw new UnusableFile("The selected file ends in .gz but is not a gzip file");
        } catch (UncheckedIOException e) {
            throw unusable(e.getCause());
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private static UnusableFile unusable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new UnusableFile("The selected file must use UTF-8 character encoding. Save it as 'CSV UTF-8' "
                    + "and upload it again");
        }
        if (e instanceof TooLong) {
            return new UnusableFile("The selected file must be 100 MB or less once unzipped");
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return new UnusableFile("The selected file ends in .gz but is not a whole gzip file");
        }
        throw new UncheckedIOException(e);
    }

    private static Result read(CsvReader<CsvRecord> csv) throws UnusableFile {
        long[] entries = new long[1024];
        int count = 0;
        List<Problem> problems = new ArrayList<>();
        int problemCount = 0;
        int postcodeAt = -1;
        int decileAt = -1;
        int number = 0;
        int rows = 0;
        try {
            for (CsvRecord record : csv) {
                number++;
                if (ReferralFile.blank(record)) {
                    continue;
                }
                if (postcodeAt < 0) {
                    List<String> names = record.getFields().stream()
                            .map(n -> n.replace("\uFEFF", "").strip().toLowerCase(Locale.UK)).toList();
                    postcodeAt = names.indexOf(POSTCODE);
                    decileAt = names.indexOf(DECILE);
                    if (postcodeAt < 0 || decileAt < 0) {
                        throw new UnusableFile("The selected file must start with a header row naming the columns "
                                + POSTCODE + " and " + DECILE);
                    }
                    continue;
                }
                if (++rows > MAX_ROWS || number > 0x3FFFFF) {
                    throw new UnusableFile("The selected file must have " + String.format(Locale.UK, "%,d", MAX_ROWS)
                            + " rows or fewer");
                }
                String problem = null;
                String postcode = ReferralRules.normalisePostcode(field(record, postcodeAt));
                Integer decile = decile(field(record, decileAt));
                if (postcode == null) {
                    problem = field(record, postcodeAt).isBlank() ? "Enter a postcode"
                            : "Postcode must be a UK postcode, like BL9 0EJ";
                } else if (decile == null) {
                    problem = "IMD decile must be a whole number from 1 to 10";
                }
                if (problem != null) {
                    if (problems.size() < PROBLEMS_KEPT) {
                        problems.add(new Problem(number, problem));
                    }
                    problemCount++;
                    continue;
                }
                if (count == entries.length) {
                    entries = Arrays.copyOf(entries, entries.length * 2);
                }
                entries[count++] = (encodePostcode(postcode) << 26) | ((long) number << 4) | decile;
            }
        } catch (CsvParseException e) {
            throw new UnusableFile("The selected file could not be read as CSV. Check that every value containing "
                    + "a comma, quote or new line is in double quotes");
        }
        if (postcodeAt < 0) {
            throw new UnusableFile("The selected file is empty");
        }
        if (rows == 0) {
            throw new UnusableFile("The selected file has a header row but no postcodes");
        }
        long[] sorted = Arrays.copyOf(entries, count);
        Arrays.sort(sorted);
        List<Problem> duplicates = new ArrayList<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] >>> 26 == sorted[i - 1] >>> 26) {
                // Sorted by postcode then row, so the earlier row comes first.
                int first = firstRowOf(sorted, i);
                duplicates.add(new Problem(row(sorted[i]), "Postcode " + decodePostcode(sorted[i] >>> 26)
                        + " is also on row " + first + ": list each postcode once"));
            }
        }
        problemCount += duplicates.size();
        problems.addAll(duplicates);
        problems.sort(java.util.Comparator.comparingInt(Problem::row));
        if (problems.size() > PROBLEMS_KEPT) {
            problems = problems.subList(0, PROBLEMS_KEPT);
        }
        return new Result(sorted, rows, List.copyOf(problems), problemCount);
    }

    private static int firstRowOf(long[] sorted, int i) {
        int j = i;
        while (j > 0 && sorted[j - 1] >>> 26 == sorted[i] >>> 26) {
            j--;
        }
        return row(sorted[j]);
    }

    private static int row(long entry) {
        return (int) ((entry >>> 4) & 0x3FFFFF);
    }

    private static String field(CsvRecord record, int at) {
        return at < record.getFieldCount() ? record.getField(at) : "";
    }

    private static Integer decile(String value) {
        String v = value.strip();
        if (!v.matches("[0-9]{1,2}")) {
            return null;
        }
        int d = Integer.parseInt(v);
        return d >= 1 && d <= 10 ? d : null;
    }

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A normalised postcode's characters, without its space, in base 37 (0 means no character). */
    static long encodePostcode(String postcode) {
        String compact = postcode.replace(" ", "");
        long code = 0;
        for (int i = 0; i < 7; i++) {
            code = code * 37 + (i < compact.length() ? DIGITS.indexOf(compact.charAt(i)) + 1 : 0);
        }
        return code;
    }

    static String decodePostcode(long code) {
        char[] chars = new char[7];
        for (int i = 6; i >= 0; i--) {
            int digit = (int) (code % 37);
            code /= 37;
            chars[i] = digit == 0 ? ' ' : DIGITS.charAt(digit - 1);
        }
        String compact = new String(chars).strip();
        int length = compact.length();
        return compact.substring(0, length - 3) + " " + compact.substring(length - 3);
    }

    private static final class TooLong extends IOException {
    }

    /** Stops reading past {@link #MAX_TEXT_BYTES}: a small gzip file can unzip to a very large one. */
    private static InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > MAX_TEXT_BYTES) {
                    throw new TooLong();
                }
            }
        };
    }
}
