package dev.ddbstreams.examples.docs.readme;

// tag::example[]
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;

public final class WelcomeLambda extends FastDynamoDbStreamLambda {
  public record Pet(String userId, String name) {} // the stream's images, decoded

  public static final class Welcome {
    @OnInsert(sk = "PET#") // new items whose sort key starts with PET#
    void welcome(Pet pet) {
      System.out.println("Welcome " + pet.name() + "!");
    }
  }

  private static final StreamRouter ROUTER =
      StreamRouter.builder().keys("PK", "SK").handlers(new Welcome()).build();

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
// end::example[]
