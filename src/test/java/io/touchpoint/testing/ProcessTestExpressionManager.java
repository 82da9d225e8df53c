package io.touchpoint.testing;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The expression manager of the process-test engine ({@code process-tests.camunda.cfg.xml}): a name in an expression
 * that is no variable is looked up among the beans of the running test's Spring context ({@link ProcessTestBeans}), as
 * the application's engine looks it up in the application context. Delegates are Spring beans, declared once, by
 * their {@code @Component}; a process test registers none of them by hand.
 */
public class ProcessTestExpressionManager extends JuelExpressionManager {

    private static volatile ApplicationContext current;

    /** The context whose beans the models' expressions reach; {@code null} between tests. */
    static void use(ApplicationContext context) {
        current = context;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(super.createElResolver());
        resolver.add(new TestContextBeans());
        return resolver;
    }

    /** Resolves a top-level name to the bean of that name in the current test's context, created when first used. */
    private static final class TestContextBeans extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            ApplicationContext beans = current;
            if (base == null && beans != null && beans.containsBean(property.toString())) {
                context.setPropertyResolved(true);
                return beans.getBean(property.toString());
            }
            return null;
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }
    }
}
