package nl.ontwikkelplein.sitebuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what would have gone to S3, in order. */
final class RecordingPublisher implements SitePublisher {
    record Put(byte[] body, String contentType, String cacheControl) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    final Map<String, Put> objects = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    String failOn;

    @Override
    public void put(String path, byte[] body, String contentType, String cacheControl) {
        if (path.equals(failOn)) throw new IllegalStateException("injected failure writing " + path);
        objects.put(path, new Put(body, contentType, cacheControl));
        log.add("put " + path);
    }

    @Override
    public void delete(String path) {
        objects.remove(path);
        log.add("delete " + path);
    }

    List<String> puts() { return log.stream().filter(l -> l.startsWith("put ")).map(l -> l.substring(4)).toList(); }
}
