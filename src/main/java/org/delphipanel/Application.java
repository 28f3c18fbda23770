package org.delphipanel;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.time.Clock;
import java.util.Arrays;
import org.delphipanel.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the web application. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    /**
     * {@code agreement}, {@code rounds}, {@code score} or {@code help} run the command line and exit
     * without starting Spring; anything else (nothing, {@code serve}, Spring options) starts the web app.
     */
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        String[] springArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication.run(Application.class, springArgs);
    }

    /** Every deadline and timestamp reads this clock, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
