import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;

/** CI smoke check: the file is one valid JSON object and each dotted key exists and is not null. */
public class JsonCheck {
    public static void main(String[] args) throws Exception {
        JsonNode root = new ObjectMapper().readTree(new File(args[0]));
        for (int i = 1; i < args.length; i++) {
            JsonNode node = root;
            for (String part : args[i].split("\\.")) {
                node = node.path(part);
            }
            if (node.isMissingNode() || node.isNull()) {
                System.err.println("JsonCheck: key " + args[i] + " missing or null in " + args[0]);
                System.exit(1);
            }
        }
    }
}
