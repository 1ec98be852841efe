package org.agreementledger.api.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.ProblemDetail;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The refusal of a value that could not be read into a request's field: a text that is no valid
 * value (422, naming the field), or a value of the wrong JSON type (400). For a JSON body and for
 * a row of an imported file alike.
 */
public final class UnreadableValue {

    private UnreadableValue() {
    }

    public static Optional<ProblemDetail> problemFor(Throwable cause) {
        return problemFor(cause, UnaryOperator.identity());
    }

    /** @param fieldName how the client names a field of the request, e.g. by the column of a list it came from */
    public static Optional<ProblemDetail> problemFor(Throwable cause, UnaryOperator<String> fieldName) {
        // a value of the right JSON type that is not a valid one; a number or boolean where text belongs is a wrong type
        if (cause instanceof InvalidFormatException invalidValue && invalidValue.getValue() instanceof String) {
            String field = fieldName.apply(pathOf(invalidValue));
            return Optional.of(Problems.withField(ProblemCode.INVALID_REQUEST, field,
                    "'" + invalidValue.getValue() + "' is not a valid value for " + field));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = fieldName.apply(pathOf(mismatched));
            return Optional.of(Problems.withField(ProblemCode.MALFORMED_REQUEST, field,
                    field + " has the wrong JSON type or is not a known field"));
        }
        return Optional.empty();
    }

    /** The field's path as a client names it: {@code parties[1].city}. */
    private static String pathOf(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
