package org.inspectflow.gateway.config;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpVersion;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Works around a Reactor Netty HTTP/1.1 server bug (reactor/reactor-netty#4361, still in the 1.2.x that Spring Boot
 * 3.5 brings): the server reads on demand, and a request that arrives on a kept-alive connection before the previous
 * response has completed is queued; when that queued request is answered at once, while the queue is being drained,
 * nobody asks the connection to read again, and the browser's next request on it waits forever.
 * <p>
 * A browser sends its next request as soon as it has the whole body, which can be before the gateway has finished the
 * response (a streamed body, a routed response, the observations stopped after it): so any page could stall one of
 * the browser's connections. Tracing makes that window wider, which is how {@code GatewayLoginIT} found it. The fix:
 * whenever a request's exchange ends on a connection that stays open, ask it to read; reading early is safe, since a
 * request that arrives while another is still being answered is queued as before.
 */
@Component
class KeepAliveReadResumption implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.childObserve((connection, state) -> {
			if (state == ConnectionObserver.State.DISCONNECTING && connection instanceof HttpServerRequest request
					&& request.version() == HttpVersion.HTTP_1_1) {
				Channel channel = connection.channel();
				if (channel.isActive()) {
					channel.read();
				}
			}
		});
	}

}
