package org.printmail.webconfig;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's side of Web Config: hands each request to the {@link Dispatcher} on a page thread
 * (the network I/O before and after runs without one) and writes its answer with the
 * security headers. The same class answers the errors Jetty finds itself (malformed request
 * line, bad URI), so they carry the headers too and show no internals.
 */
final class WebConfigHandler extends Handler.Abstract {
    private final Dispatcher dispatcher;
    private final ConnectionGuard guard;
    private final ServerLimits limits;

    WebConfigHandler(Dispatcher dispatcher, ConnectionGuard guard, ServerLimits limits) {
        this.dispatcher = dispatcher;
        this.guard = guard;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        guard.requestStarted(connection);
        Request.addCompletionListener(request, failure -> guard.requestEnded(connection));
        JettyExchange ex = new JettyExchange(request, limits);
        org.printmail.webconfig.Response answer = dispatcher.answer(ex);
        if (ex.bodyUnread) {
            answer = answer.withHeader("Connection", "close");
        }
        write(response, callback, answer);
        return true;
    }

    /** Jetty's error handler: its own 400s and 500s get our page and headers. */
    Request.Handler errors() {
        return new Request.Handler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
                int code = status instanceof Integer i ? i : response.getStatus();
                org.printmail.i18n.Language language = Dispatcher.language(
                        request.getHeaders().get("Cookie"), request.getHeaders().get("Accept-Language"));
                write(response, callback, dispatcher.serverError(code < 400 ? 400 : code, language));
                return true;
            }
        };
    }

    private static void write(Response response, Callback callback,
                              org.printmail.webconfig.Response answer) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        Dispatcher.securityHeaders().forEach(headers::put);
        // Sorted, so several Set-Cookie headers keep the order they were added in.
        new java.util.TreeMap<>(answer.headers()).forEach((name, value) -> {
            int extra = name.indexOf(';');
            if (extra > 0 || name.equalsIgnoreCase("Set-Cookie")) {
                // Added, never put: a later put would replace an earlier Set-Cookie.
                headers.add(extra > 0 ? name.substring(0, extra) : name, value);
            } else {
                headers.put(name, value);
            }
        });
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** One request as the dispatcher reads it. */
    private static final class JettyExchange implements Dispatcher.Exchange {
        private final Request request;
        private final ServerLimits limits;
        /** Set when the body was refused unread: the connection closes after the answer. */
        boolean bodyUnread;

        JettyExchange(Request request, ServerLimits limits) {
            this.request = request;
            this.limits = limits;
        }

        @Override
        public String method() { return request.getMethod(); }

        @Override
        public String rawPath() {
            String p = request.getHttpURI().getPath();
            return p == null ? "/" : p;
        }

        @Override
        public String rawQuery() { return request.getHttpURI().getQuery(); }

        @Override
        public String header(String name) { return request.getHeaders().get(name); }

        @Override
        public String client() { return Request.getRemoteAddr(request); }

        @Override
        public byte[] body(int max) throws FormParser.BadBody {
            long declared = request.getLength();
            if (declared > max) {
                bodyUnread = true;
                throw new FormParser.BadBody(413, "form too large");
            }
            try {
                return Content.Source.asByteArrayAsync(request, max)
                        .get(limits.bodyDeadline().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                bodyUnread = true;
                throw new FormParser.BadBody(408, "the form arrived too slowly");
            } catch (ExecutionException e) {
                bodyUnread = true;
                throw new FormParser.BadBody(413, "form too large");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bodyUnread = true;
                throw new FormParser.BadBody(503, "the device is shutting down");
            }
        }
    }
}
