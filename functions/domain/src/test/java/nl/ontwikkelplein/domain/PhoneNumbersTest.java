package nl.ontwikkelplein.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource({
            "06 12345678, +31612345678",
            "06-12 34 56 78, +31612345678",
            "+31 6 12345678, +31612345678",
            "+31 (0)6 12345678, +31612345678",
            "0031612345678, +31612345678",
            "0523 123456, +31523123456",
            "+49 30 1234567, +49301234567"})
    void normalisesTheWaysPeopleWriteNumbers(String typed, String expected) {
        assertEquals(expected, PhoneNumbers.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "06 1234567", "06 123456789", "bel me", "06<script>", "+31 6 1234",
            "0612345678901234567890123456789012345678901"})
    void refusesWhatIsNoPhoneNumber(String typed) {
        assertNull(PhoneNumbers.normalise(typed));
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertNull(PhoneNumbers.normalise(null));
    }
}
