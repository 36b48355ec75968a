package nl.ontwikkelplein.local;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and applying the distribution's response headers policy. */
class ResponseHeadersPolicyTest {

    private static ResponseHeadersPolicy read(String policyId, String policyConfig) throws IOException {
        String yaml = """
                Resources:
                  Cdn:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        DefaultCacheBehavior: {TargetOriginId: site, ResponseHeadersPolicyId: %s}
                  Headers:
                    Type: AWS::CloudFront::ResponseHeadersPolicy
                    Properties:
                      ResponseHeadersPolicyConfig:
                %s
                """.formatted(policyId, policyConfig.indent(8));
        return ResponseHeadersPolicy.read(TemplateYaml.read(new StringReader(yaml)).path("Resources"));
    }

    @Test
    void securityAndCustomHeadersOverrideOrAdd() throws IOException {
        ResponseHeadersPolicy policy = read("!Ref Headers", """
                SecurityHeadersConfig:
                  ContentSecurityPolicy: {ContentSecurityPolicy: "default-src 'none'", Override: true}
                  FrameOptions: {FrameOption: SAMEORIGIN, Override: false}
                CustomHeadersConfig:
                  Items:
                    - {Header: Permissions-Policy, Value: 'geolocation=()', Override: true}
                """);
        Headers response = new Headers();
        response.set("Content-Security-Policy", "default-src *");
        response.set("X-Frame-Options", "DENY");
        policy.apply(response);
        assertEquals(List.of("default-src 'none'"), response.get("Content-Security-Policy"), "Override: true replaces");
        assertEquals(List.of("DENY"), response.get("X-Frame-Options"), "Override: false keeps the origin's");
        assertEquals(List.of("geolocation=()"), response.get("Permissions-Policy"));
        Headers empty = new Headers();
        policy.apply(empty);
        assertEquals(List.of("SAMEORIGIN"), empty.get("X-Frame-Options"), "added when the origin sent none");
    }

    @Test
    void theRealTemplatesPolicyHasTheStrictCsp() throws IOException {
        ResponseHeadersPolicy policy = SamTemplate.load(TestStack.realTemplate(), java.util.Map.of()).siteHeaders();
        assertTrue(policy.headers().stream().anyMatch(h -> h.name().equals("Content-Security-Policy")
                && h.value().startsWith("default-src 'none'") && h.override()));
    }

    @Test
    void whatHasNoLocalCounterpartIsRefused() {
        // A managed policy id, and a kind of header the front does not know.
        assertThrows(IllegalArgumentException.class, () -> read("67f7725c-6f97-4210-82d7-5512b31e9d03", "SecurityHeadersConfig: {}"));
        assertThrows(IllegalArgumentException.class, () -> read("!Ref Headers", """
                SecurityHeadersConfig:
                  XSSProtection: {Protection: true, Override: true}
                """));
        assertThrows(IllegalArgumentException.class, () -> read("!Ref Headers", """
                CorsConfig: {AccessControlAllowCredentials: false}
                """));
    }
}
