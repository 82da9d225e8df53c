package io.touchpoint.knowledge;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The knowledge base for support staff: search and read pages at /kb, and a JSON API at /api/kb/articles. */
@Controller
class KnowledgeBaseController {

    private final KnowledgeBase knowledgeBase;

    KnowledgeBaseController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping("/kb")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                  Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("articles", knowledgeBase.search(q, category));
        model.addAttribute("categories", Categories.NAMES);
        return "pages/kb-search";
    }

    @GetMapping("/kb/{id}")
    String read(@PathVariable long id, Model model) {
        model.addAttribute("article", knowledgeBase.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id)));
        model.addAttribute("categories", Categories.NAMES);
        return "pages/kb-article";
    }

    /** REG-06: support staff publish an article for customers (the portal's help), or withdraw it. */
    @PostMapping(path = "/kb/{id}/published", consumes = "application/x-www-form-urlencoded")
    String publish(@PathVariable long id, @RequestParam boolean published, RedirectAttributes redirect) {
        if (!knowledgeBase.publish(id, published)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id);
        }
        redirect.addFlashAttribute("notice", published ? "Published: customers find this article in the portal's help."
                : "Withdrawn: customers no longer see this article.");
        return "redirect:/kb/" + id;
    }

    /** REG-06 for scripts: {@code {"published": true}} publishes the article for customers, false withdraws it. */
    @PutMapping(path = "/api/kb/articles/{id}/published", consumes = "application/json", produces = "application/json")
    @ResponseBody
    Article publishApi(@PathVariable long id, @Valid @RequestBody Publication publication) {
        if (!knowledgeBase.publish(id, publication.published())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id);
        }
        return knowledgeBase.find(id).orElseThrow();
    }

    /** Whether an article is published for customers. */
    record Publication(@jakarta.validation.constraints.NotNull Boolean published) {
    }

    @GetMapping(path = "/api/kb/articles", produces = "application/json")
    @ResponseBody
    List<Article> searchApi(@RequestParam(required = false) String q, @RequestParam(required = false) String category) {
        return knowledgeBase.search(q, category);
    }

    @GetMapping(path = "/api/kb/articles/{id}", produces = "application/json")
    @ResponseBody
    Article readApi(@PathVariable long id) {
        return knowledgeBase.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No article " + id));
    }

    @PostMapping(path = "/api/kb/articles", consumes = "application/json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewArticle article,
                                               Principal user) {
        long id = knowledgeBase.create(article, user.getName());
        return ResponseEntity.created(URI.create("/api/kb/articles/" + id)).body(Map.of("id", id));
    }
}
