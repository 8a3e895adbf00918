package io.scenery.vlm.vision;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkus.logging.Log;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one image and a prompt to the configured OpenAI-compatible vision model through langchain4j. This is the
 * only layer that retries (langchain4j's own retries are off): exponential backoff with jitter, or the wait that a
 * {@code Retry-After} header of a 429 or 503 requests, up to the maximum backoff. At most the configured number of
 * attempts are in flight at once; waits between attempts hold no slot. A {@link ModelCircuit} stops calls after
 * repeated failures.
 */
@ApplicationScoped
public class VisionModelClient {

    private final VlmConfig.Model config;
    private final ModelCircuit circuit;
    private final Semaphore slots;
    private volatile ChatModel chatModel;

    public VisionModelClient(VlmConfig config, ModelCircuit circuit) {
        this.config = config.model();
        this.circuit = circuit;
        this.slots = new Semaphore(config.model().maxConcurrency(), true);
    }

    /** Returns whether a model base URL is configured. */
    public boolean configured() {
        return config.baseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** Builds the langchain4j model and its HTTP client now instead of at the first call. */
    public void prepare() {
        model();
    }

    /**
     * Asks the model about the image.
     *
     * @param context what the call is for, such as a task id and scene number, for logs and errors
     * @throws ModelCallException when the circuit is open, the error is not retryable, or all attempts failed
     */
    public ModelReply ask(String context, String prompt, ModelImage image) {
        if (!circuit.allows()) {
            throw new ModelCallException("the vision model circuit is open after repeated failures; " + context
                    + " was not sent", 0, null);
        }
        ChatRequest request = ChatRequest.builder()
                .messages(UserMessage.from(TextContent.from(prompt),
                        ImageContent.from(Base64.getEncoder().encodeToString(image.jpeg()), "image/jpeg")))
                .build();

        RuntimeException last = null;
        int attempts = 0;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            attempts = attempt;
            try {
                ChatResponse response = call(request);
                circuit.recordSuccess();
                TokenUsage usage = response.tokenUsage();
                return new ModelReply(response.aiMessage().text(), tokens(usage == null ? null : usage.inputTokenCount()),
                        tokens(usage == null ? null : usage.outputTokenCount()), attempt);
            } catch (RuntimeException e) {
                last = e;
                HttpException http = httpCause(e);
                boolean retryable = http == null || isRetryable(http.statusCode());
                if (!retryable || attempt == config.maxAttempts()) {
                    break;
                }
                Duration wait = backoff(attempt, http);
                Log.warnf("Vision model call for %s failed on attempt %d (%s); retrying in %d ms", context, attempt,
                        describe(e, http), wait.toMillis());
                sleep(wait);
            }
        }
        circuit.recordFailure();
        HttpException http = httpCause(last);
        throw new ModelCallException("the vision model call for " + context + " failed: " + describe(last, http),
                attempts, last);
    }

    private ChatResponse call(ChatRequest request) {
        slots.acquireUninterruptibly();
        try {
            return model().chat(request);
        } finally {
            slots.release();
        }
    }

    private ChatModel model() {
        ChatModel model = chatModel;
        if (model == null) {
            synchronized (this) {
                if (chatModel == null) {
                    String baseUrl = config.baseUrl().orElseThrow(() -> new ModelCallException(
                            "no vision model is configured; set scenery.vlm.model.base-url", 0, null));
                    chatModel = OpenAiChatModel.builder()
                            .baseUrl(baseUrl)
                            .apiKey(config.apiKey())
                            .modelName(config.name())
                            .timeout(config.timeout())
                            .maxTokens(config.maxOutputTokens())
                            .temperature(0.0)
                            .maxRetries(0)
                            .build();
                }
                model = chatModel;
            }
        }
        return model;
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Returns the wait before the next attempt: Retry-After when given, otherwise backoff with jitter. */
    private Duration backoff(int attempt, HttpException http) {
        Duration max = config.maxBackoff();
        if (http != null && (http.statusCode() == 429 || http.statusCode() == 503)) {
            Duration asked = parseRetryAfter(RetryAfterFilter.retryAfter(http.getMessage()));
            if (asked != null) {
                return asked.compareTo(max) > 0 ? max : asked;
            }
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(max.toMillis(), base + jitter));
    }

    /** Parses a Retry-After value in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static HttpException httpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http;
            }
        }
        return null;
    }

    private static String describe(Throwable e, HttpException http) {
        if (http != null) {
            String body = http.getMessage() == null ? "" : http.getMessage().strip();
            return "HTTP " + http.statusCode() + (body.isEmpty() ? "" : ": " + abbreviate(body));
        }
        return e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static long tokens(Integer count) {
        return count == null ? 0 : count;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted while waiting to retry the vision model call", 0, e);
        }
    }
}
