// After `mvn verify` and `dependency:list` of the generated project: what a consumer gets.
// (Filtered by the archetype's build: @name@ are its versions.)
import java.util.jar.JarFile

def fail = { String message -> throw new AssertionError(message) }
// The plugin hands the script the generated project as projectDir; some versions of its script
// runner only bind basedir, the directory of this script, which holds project/<artifactId>.
def project = (binding.hasVariable('projectDir') ? projectDir : new File(basedir, 'project/pet-stream')) as File

// 1. JUnit 5 tests ran under Surefire, and the *IT under Failsafe (unless -DskipITs).
def reports = new File(project, 'target/surefire-reports')
['PetHandlersTest', 'PetLambdaTest', 'SamTemplateTest'].each { name ->
  def report = new File(reports, "TEST-com.example.pets.${name}.xml")
  if (!report.isFile()) fail("Surefire did not run ${name}")
  def tests = (report.text =~ /<testsuite[^>]* tests="(\d+)"/)
  if (!tests.find() || (tests.group(1) as int) == 0) fail("Surefire ran no test of ${name}")
}
if ('@skipITs@' != 'true') {
  def it = new File(project, 'target/failsafe-reports/TEST-com.example.pets.PetStreamIT.xml')
  if (!it.isFile()) fail('Failsafe did not run PetStreamIT')
}

if (!new File(project, '.gitignore').isFile()) fail('no .gitignore generated')

// 2. One AWS SDK version, the BOM's, and one Jackson version on the test class path (the widest).
def deps = new File(project, 'target/dependency-list.txt').readLines()
    .collect { it.trim() }
    .findAll { it ==~ /[\w.-]+:[\w.-]+:[\w-]+(:[\w.-]+)?:[\w.-]+:(compile|runtime|test|provided|system).*/ }
    .collect { line ->
      def parts = line.split(' ')[0].split(':')
      [group: parts[0], artifact: parts[1], version: parts[parts.length - 2]]
    }
if (deps.isEmpty()) fail('dependency:list listed nothing')
def sdk = deps.findAll { it.group == 'software.amazon.awssdk' }*.version.unique()
if (sdk != ['@aws.sdk.version@']) fail("AWS SDK versions on the class path: ${sdk}, expected [@aws.sdk.version@]")
def jackson = deps.findAll { it.group.startsWith('com.fasterxml.jackson') && it.artifact != 'jackson-annotations' }*.version.unique()
if (jackson != ['@jackson.version@']) fail("Jackson versions on the class path: ${jackson}, expected [@jackson.version@]")
def annotations = deps.find { it.artifact == 'jackson-annotations' }
if (annotations && !'@jackson.version@'.startsWith(annotations.version)) {
  fail("jackson-annotations ${annotations.version} does not go with Jackson @jackson.version@")
}
if (deps.any { it.group == 'software.amazon.dynamodb' || it.artifact.startsWith('DynamoDBLocal') }) {
  fail('DynamoDB Local is on the class path')
}

// 3. The Lambda jar holds the function and the Lambda path, not the KCL side or test code.
def lambdaJar = new File(project, 'target/pet-stream-lambda.jar')
if (!lambdaJar.isFile()) fail('no Lambda jar target/pet-stream-lambda.jar')
new JarFile(lambdaJar).withCloseable { jar ->
  def names = jar.entries().collect { it.name }
  ['com/example/pets/PetLambda.class', 'dev/ddbstreams/lambda/DynamoDbStreamJsonLambda.class',
   'software/amazon/awssdk/services/dynamodb/DynamoDbClient.class',
   'org/slf4j/simple/SimpleLogger.class'].each { if (!names.contains(it)) fail("Lambda jar lacks ${it}") }
  ['software/amazon/kinesis/', 'dev/ddbstreams/kcl/', 'dev/ddbstreams/testkit/', 'dev/ddbstreams/emulator/',
   'org/junit/', 'io/netty/'].each { prefix ->
    if (names.any { it.startsWith(prefix) }) fail("Lambda jar holds ${prefix}")
  }
}

// 4. Every published jar, as installed: a module name, the licence and the notice inside.
def repository = new File(project, '../../../../../local-repo/dev/ddbstreams').canonicalFile
['core': 'dev.ddbstreams.core', 'lambda': 'dev.ddbstreams.lambda', 'kcl': 'dev.ddbstreams.kcl',
 'testkit': 'dev.ddbstreams.testkit', 'emulator': 'dev.ddbstreams.emulator'].each { module, name ->
  def file = new File(repository, "ddbstreams-${module}/@project.version@/ddbstreams-${module}-@project.version@.jar")
  if (!file.isFile()) fail("not installed: ${file}")
  new JarFile(file).withCloseable { jar ->
    def moduleName = jar.manifest.mainAttributes.getValue('Automatic-Module-Name')
    if (moduleName != name) fail("${file.name}: Automatic-Module-Name ${moduleName}, expected ${name}")
    ['META-INF/LICENSE', 'META-INF/NOTICE'].each { if (jar.getEntry(it) == null) fail("${file.name} lacks ${it}") }
  }
}
true
