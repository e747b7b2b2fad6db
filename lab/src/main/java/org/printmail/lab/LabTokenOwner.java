package org.printmail.lab;

import java.util.List;
import java.util.Locale;

/** Who an access token was issued to and for which resource scopes. */
public record LabTokenOwner(String upn, List<String> scopes) {
    public LabTokenOwner {
        scopes = List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        String s = scope.toLowerCase(Locale.ROOT);
        return scopes.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(s));
    }

    @Override
    public String toString() { return "LabTokenOwner[" + upn + ", " + scopes + "]"; }
}
