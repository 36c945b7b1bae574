package org.inspectflow.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every Spring MVC error (bad JSON, a missing parameter, an unknown path, a wrong method) answers as RFC 9457
 * problem+json, in every service, without each service remembering {@code spring.mvc.problemdetails.enabled}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler() {
		return new ProblemDetailsExceptionHandler();
	}

	/**
	 * Spring's problem details, with the detail a caller needs to fix the request: which fields are wrong and why
	 * (also as {@code errors: [{field, message}]}), and which value of a body did not fit.
	 */
	@ControllerAdvice
	static class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

		@Override
		protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
				HttpHeaders headers, HttpStatusCode status, WebRequest request) {
			List<Map<String, String>> errors = new ArrayList<>();
			ex.getBindingResult()
				.getFieldErrors()
				.forEach((error) -> errors.add(Map.of("field", error.getField(), "message",
						String.valueOf(error.getDefaultMessage()))));
			ex.getBindingResult()
				.getGlobalErrors()
				.forEach((error) -> errors.add(Map.of("field", error.getObjectName(), "message",
						String.valueOf(error.getDefaultMessage()))));
			return invalid(ex, errors, headers, request);
		}

		@Override
		protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
				HttpHeaders headers, HttpStatusCode status, WebRequest request) {
			List<Map<String, String>> errors = new ArrayList<>();
			ex.getParameterValidationResults()
				.forEach((result) -> result.getResolvableErrors()
					.forEach((error) -> errors.add(Map.of("field",
							String.valueOf(result.getMethodParameter().getParameterName()), "message",
							String.valueOf(error.getDefaultMessage())))));
			return invalid(ex, errors, headers, request);
		}

		@Override
		protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
				HttpHeaders headers, HttpStatusCode status, WebRequest request) {
			String detail = "The request body is not valid JSON; check brackets, quotes and commas.";
			if (ex.getCause() instanceof InvalidFormatException invalid) {
				detail = "'" + invalid.getValue() + "' does not fit " + path(invalid)
						+ (invalid.getTargetType() != null && invalid.getTargetType().isEnum()
								? ": use one of " + Arrays.toString(invalid.getTargetType().getEnumConstants())
								: " (expected " + simpleName(invalid.getTargetType()) + ")");
			}
			else if (ex.getCause() instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
				detail = path(mismatched) + " has the wrong type (expected "
						+ simpleName(mismatched.getTargetType()) + ")";
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
			problem.setTitle("Unreadable request body");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
		}

		/** {@code @Validated} on a controller: a request parameter outside its bounds. */
		@ExceptionHandler(ConstraintViolationException.class)
		ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
			List<Map<String, String>> errors = new ArrayList<>();
			ex.getConstraintViolations()
				.forEach((violation) -> errors.add(Map.of("field", lastNode(violation.getPropertyPath().toString()),
						"message", violation.getMessage())));
			return invalid(ex, errors, new HttpHeaders(), request);
		}

		private ResponseEntity<Object> invalid(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
				WebRequest request) {
			errors.sort(Comparator.comparing((Map<String, String> error) -> error.get("field")));
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
				.map((error) -> error.get("field") + ": " + error.get("message"))
				.collect(Collectors.joining("; ", "Fix these fields: ", "")));
			problem.setTitle("Invalid request");
			problem.setProperty("errors", errors);
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
		}

		private static String path(MismatchedInputException ex) {
			return ex.getPath()
				.stream()
				.map((reference) -> reference.getFieldName() != null ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
		}

		private static String lastNode(String path) {
			int dot = path.lastIndexOf('.');
			return dot < 0 ? path : path.substring(dot + 1);
		}

		private static String simpleName(Class<?> type) {
			return type == null ? "another type" : type.getSimpleName();
		}

	}

}
